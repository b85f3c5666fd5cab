package org.xinlian.types.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.types.Oracles;

/**
 * ethereum/tests TransactionTests against the Cancun verdicts (docs/spec/types.md TYPES-10 to
 * TYPES-14). The tests assume chain id 1 and accept pre-EIP-155 transactions, as Ethereum does.
 * Cases without a Cancun verdict (ttWrongRLP and two ttSignature files) are rejected by every
 * fork that lists them; this test checks that, then requires us to reject them too.
 */
class TransactionOracleTest {
  private static final String FORK = "Cancun";
  private static final long ETHEREUM_TESTS_CHAIN_ID = 1;

  private final CryptoSuite suite = CryptoSuites.standard();
  private final TransactionCodec codec = TransactionCodec.of(suite);
  private final TransactionValidityRules rules =
      new TransactionValidityRules(ETHEREUM_TESTS_CHAIN_ID, true);

  @Test
  void everyCaseGetsTheCancunVerdict() {
    Path directory = Oracles.require("ethereum-tests/TransactionTests");
    List<Path> files = Oracles.jsonFiles(directory);
    List<String> failures = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    int found = 0;
    int run = 0;
    int valid = 0;
    int rejected = 0;
    int withoutCancun = 0;
    for (Path file : files) {
      JsonNode root = Oracles.readJson(file);
      found += root.size();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String name = directory.relativize(file) + ":" + entry.getKey();
        JsonNode testCase = entry.getValue();
        JsonNode expected = expectedVerdict(name, testCase.get("result"));
        if (!testCase.get("result").has(FORK)) {
          withoutCancun++;
        }
        run++;
        String problem = check(name, Hex.decode(testCase.get("txbytes").asText()), expected,
            rejections);
        if (problem != null) {
          failures.add(name + ": " + problem);
        } else if (expected.has("exception")) {
          rejected++;
        } else {
          valid++;
        }
      }
    }
    rejections.forEach(line -> System.out.println("  " + line));
    System.out.printf(
        "TransactionTests (%s): %d files, %d cases (%d without a %s verdict, all must-reject),"
            + " %d valid accepted, %d invalid rejected, %d failures%n",
        FORK, files.size(), run, withoutCancun, FORK, valid, rejected, failures.size());
    assertEquals(List.of(), failures);
    assertEquals(found, run);
    assertTrue(run > 0, "no TransactionTests found");
  }

  /**
   * The Cancun verdict, or for cases that predate Cancun's filler the common verdict of the forks
   * listed, which must all be exceptions.
   */
  private static JsonNode expectedVerdict(String name, JsonNode results) {
    if (results.has(FORK)) {
      return results.get(FORK);
    }
    for (JsonNode forkResult : results) {
      assertTrue(
          forkResult.has("exception"),
          name + ": no Cancun verdict and some fork accepts it; cannot infer the expectation");
    }
    assertTrue(results.size() > 0, name + ": no verdict at all");
    return results.elements().next();
  }

  private String check(String name, byte[] txBytes, JsonNode expected, List<String> rejections) {
    boolean expectValid = !expected.has("exception");
    Transaction transaction;
    try {
      transaction = codec.decode(txBytes);
    } catch (DecodingException e) {
      rejections.add(name + " -> decoding: " + e.getMessage());
      return expectValid ? "rejected while decoding: " + e.getMessage() : null;
    }
    TransactionValidity validity = rules.check(transaction);
    String intrinsicGas = expected.path("intrinsicGas").asText("0x00");
    if (Long.decode(intrinsicGas) != 0 && Long.decode(intrinsicGas) != validity.intrinsicGas()) {
      return "intrinsic gas " + validity.intrinsicGas() + ", expected " + intrinsicGas;
    }
    if (!validity.isValid()) {
      rejections.add(name + " -> " + validity.reason() + ": " + validity.detail());
      return expectValid ? "rejected: " + validity.detail() : null;
    }
    Address sender;
    try {
      sender = codec.sender(transaction);
    } catch (InvalidSignatureException e) {
      rejections.add(name + " -> signature: " + e.getMessage());
      return expectValid ? "no sender: " + e.getMessage() : null;
    }
    if (!expectValid) {
      return "accepted, expected " + expected.get("exception").asText();
    }
    Hash hash = codec.hash(transaction);
    if (!hash.equals(Hash.fromHex(expected.get("hash").asText()))) {
      return "hash " + hash + ", expected " + expected.get("hash").asText();
    }
    if (!sender.equals(Address.fromHex(expected.get("sender").asText()))) {
      return "sender " + sender + ", expected " + expected.get("sender").asText();
    }
    VerifiedTransaction verified = codec.verify(txBytes);
    if (!verified.hash().equals(hash) || !verified.sender().equals(sender)) {
      return "verify() disagrees with hash()/sender()";
    }
    return null;
  }
}
