package org.xinlian.types.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.PrivateKey;

/**
 * ethers.js v6 (interop/sign-transactions.mjs) signs transactions of every type; our codec must
 * decode them to the same fields, hash and sender, produce the same signing payload, and produce
 * the byte-identical envelope when signing the same fields with the same key (docs/spec/types.md
 * TYPES-15). Node.js is required when {@code oracles.required} is true; otherwise the test skips
 * without it.
 */
class EthersInteropTest {
  private static final long PROCESS_MINUTES_MAX = 10;

  private final CryptoSuite suite = CryptoSuites.standard();
  private final TransactionCodec codec = TransactionCodec.of(suite);

  @Test
  void ourCodecAgreesWithEthersByteForByte() throws Exception {
    Path interop = Path.of(System.getProperty("project.root", "..")).resolve("interop");
    assertTrue(Files.isRegularFile(interop.resolve("sign-transactions.mjs")), interop.toString());
    requireTool(Path.of("."), "Node.js", "node", "--version");
    if (!Files.isDirectory(interop.resolve("node_modules"))) {
      requireTool(interop, "the pinned ethers.js (npm ci)", "npm", "ci", "--no-audit", "--no-fund");
    }
    JsonNode fixtures = new ObjectMapper().readTree(run(interop, "node", "sign-transactions.mjs"));
    List<String> failures = new ArrayList<>();
    for (JsonNode fixture : fixtures) {
      String problem = check(fixture);
      if (problem != null) {
        failures.add(fixture.get("name").asText() + ": " + problem);
      }
    }
    System.out.printf(
        "ethers.js interop: %d transactions, %d identical%n",
        fixtures.size(), fixtures.size() - failures.size());
    assertEquals(List.of(), failures);
    assertTrue(fixtures.size() >= 8, "expected at least 8 fixtures, got " + fixtures.size());
  }

  private String check(JsonNode fixture) {
    byte[] raw = Hex.decode(fixture.get("raw").asText());
    Transaction decoded = codec.decode(raw);
    UnsignedTransaction expected = unsigned(fixture);
    if (!decoded.unsigned().equals(expected)) {
      return "fields " + decoded.unsigned() + ", expected " + expected;
    }
    Hash expectedHash = Hash.fromHex(fixture.get("hash").asText());
    assertEquals(expectedHash, Hash.wrap(Keccak256.hash(raw)), "ethers' hash is keccak(raw)");
    if (!codec.hash(decoded).equals(expectedHash)) {
      return "hash " + codec.hash(decoded);
    }
    if (!codec.sender(decoded).equals(Address.fromHex(fixture.get("from").asText()))) {
      return "sender " + codec.sender(decoded);
    }
    if (!Hex.encode(codec.signingPayload(expected)).equals(fixture.get("signingPayload").asText())) {
      return "signing payload " + Hex.encode(codec.signingPayload(expected));
    }
    if (decoded.signature().recoveryId() != fixture.get("yParity").asInt()
        || !decoded.signature().r().equals(new BigInteger(1, Hex.decode(fixture.get("r").asText())))
        || !decoded.signature().s().equals(
            new BigInteger(1, Hex.decode(fixture.get("s").asText())))) {
      return "signature " + decoded.signature();
    }
    PrivateKey key =
        suite.keyPairFromPrivateKey(Hex.decode(fixture.get("privateKey").asText())).privateKey();
    byte[] ours = codec.encode(codec.sign(expected, key));
    assertArrayEquals(raw, ours, "our signed envelope differs from ethers'");
    return null;
  }

  private static UnsignedTransaction unsigned(JsonNode fixture) {
    int type = fixture.get("type").asInt();
    long chainId = Long.parseLong(fixture.get("chainId").asText());
    long nonce = Long.parseLong(fixture.get("nonce").asText());
    long gasLimit = Long.parseLong(fixture.get("gasLimit").asText());
    Optional<Address> to =
        fixture.get("to").isNull()
            ? Optional.empty()
            : Optional.of(Address.fromHex(fixture.get("to").asText()));
    BigInteger value = new BigInteger(fixture.get("value").asText());
    byte[] data = Hex.decode(fixture.get("data").asText());
    List<AccessListEntry> accessList = new ArrayList<>();
    for (JsonNode entry : fixture.get("accessList")) {
      List<Hash> keys = new ArrayList<>();
      entry.get("storageKeys").forEach(key -> keys.add(Hash.fromHex(key.asText())));
      accessList.add(new AccessListEntry(Address.fromHex(entry.get("address").asText()), keys));
    }
    return switch (type) {
      case 0 -> new UnsignedTransaction.Legacy(
          nonce, new BigInteger(fixture.get("gasPrice").asText()), gasLimit, to, value, data,
          chainId == 0 ? OptionalLong.empty() : OptionalLong.of(chainId));
      case 1 -> new UnsignedTransaction.AccessList(
          chainId, nonce, new BigInteger(fixture.get("gasPrice").asText()), gasLimit, to, value,
          data, accessList);
      case 2 -> new UnsignedTransaction.DynamicFee(
          chainId, nonce, new BigInteger(fixture.get("maxPriorityFeePerGas").asText()),
          new BigInteger(fixture.get("maxFeePerGas").asText()), gasLimit, to, value, data,
          accessList);
      default -> throw new IllegalStateException("unexpected type " + type);
    };
  }

  /** Runs a setup command; failure fails the test when oracles are required, else skips it. */
  private static void requireTool(Path directory, String what, String... command) {
    try {
      run(directory, command);
    } catch (IOException | IllegalStateException | InterruptedException e) {
      String message = what + " is not available (" + e.getMessage() + ")";
      if (Boolean.parseBoolean(System.getProperty("oracles.required"))) {
        fail(message + "; it is required when oracles.required=true");
      }
      Assumptions.abort(message + "; skipping the ethers.js interoperability test");
    }
  }

  /** Runs a command and returns its standard output; a non-zero exit is an error. */
  private static String run(Path directory, String... command)
      throws IOException, InterruptedException {
    Path errors = Files.createTempFile("xinlian-interop", ".stderr");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectError(errors.toFile())
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(PROCESS_MINUTES_MAX, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited with " + process.exitValue() + ": "
                + Files.readString(errors));
      }
      return new String(output, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
