package org.xinlian.types.rlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.types.Oracles;

/**
 * ethereum/tests RLPTests (docs/spec/types.md TYPES-1, TYPES-2, TYPES-3): the expected encodings
 * were produced by the Ethereum clients, not by this code.
 */
class RlpOracleTest {
  @Test
  void validVectorsEncodeAndDecodeBack() {
    Path file = Oracles.require("ethereum-tests/RLPTests/rlptest.json");
    JsonNode root = Oracles.readJson(file);
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> testCase = it.next();
      run++;
      RlpItem expected = item(testCase.getValue().get("in"));
      byte[] out = Hex.decode(testCase.getValue().get("out").asText());
      byte[] encoded = Rlp.encode(expected);
      BigInteger scalar = scalarInput(testCase.getValue().get("in"));
      if (scalar != null && !Hex.encode(Rlp.encodeBigInteger(scalar)).equals(Hex.encode(out))) {
        failures.add(testCase.getKey() + ": scalar encoded " + Hex.encode(Rlp.encodeBigInteger(scalar)));
      }
      if (!Hex.encode(encoded).equals(Hex.encode(out))) {
        failures.add(testCase.getKey() + ": encoded " + Hex.encode(encoded));
        continue;
      }
      try {
        RlpItem decoded = Rlp.decode(out, testCase.getKey());
        if (!decoded.equals(expected)) {
          failures.add(testCase.getKey() + ": decoded " + decoded);
        }
      } catch (DecodingException e) {
        failures.add(testCase.getKey() + ": rejected " + e.getMessage());
      }
    }
    System.out.printf(
        "RLPTests rlptest.json: %d cases, %d encoded and decoded right%n",
        run, run - failures.size());
    assertEquals(List.of(), failures);
    assertEquals(root.size(), run);
  }

  @Test
  void invalidVectorsAreRejected() {
    Path file = Oracles.require("ethereum-tests/RLPTests/invalidRLPTest.json");
    JsonNode root = Oracles.readJson(file);
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> testCase = it.next();
      run++;
      assertEquals("INVALID", testCase.getValue().get("in").asText());
      byte[] out = Hex.decode(testCase.getValue().get("out").asText());
      try {
        RlpItem decoded = Rlp.decode(out, testCase.getKey());
        failures.add(testCase.getKey() + ": accepted as " + decoded);
      } catch (DecodingException e) {
        assertTrue(e.field().startsWith(testCase.getKey()), e.getMessage());
        System.out.println("  rejected " + e.getMessage());
      }
    }
    System.out.printf(
        "RLPTests invalidRLPTest.json: %d cases, %d rejected%n", run, run - failures.size());
    assertEquals(List.of(), failures);
    assertEquals(root.size(), run);
  }

  @Test
  void randomVectorsDecodeAndReencode() {
    Path directory = Oracles.require("ethereum-tests/RLPTests/RandomRLPTests");
    List<String> failures = new ArrayList<>();
    int run = 0;
    int expected = 0;
    for (Path file : Oracles.jsonFiles(directory)) {
      JsonNode root = Oracles.readJson(file);
      expected += root.size();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> testCase = it.next();
        run++;
        assertEquals("VALID", testCase.getValue().get("in").asText());
        byte[] out = Hex.decode(testCase.getValue().get("out").asText());
        try {
          byte[] reencoded = Rlp.encode(Rlp.decode(out, testCase.getKey()));
          if (!Hex.encode(reencoded).equals(Hex.encode(out))) {
            failures.add(testCase.getKey() + ": re-encoded " + Hex.encode(reencoded));
          }
        } catch (DecodingException e) {
          failures.add(testCase.getKey() + ": rejected " + e.getMessage());
        }
      }
    }
    System.out.printf(
        "RLPTests RandomRLPTests: %d cases, %d decoded and re-encoded right%n",
        run, run - failures.size());
    assertEquals(List.of(), failures);
    assertEquals(expected, run);
    assertTrue(run > 0, "no RandomRLPTests found");
  }

  private static BigInteger scalarInput(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isTextual() && node.asText().startsWith("#")) {
      return new BigInteger(node.asText().substring(1));
    }
    return null;
  }

  /** The test format: strings are bytes, integers (or "#digits") are scalars, arrays are lists. */
  private static RlpItem item(JsonNode node) {
    if (node.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      node.forEach(child -> items.add(item(child)));
      return new RlpList(items);
    }
    if (node.isIntegralNumber()) {
      return scalar(node.bigIntegerValue());
    }
    String text = node.asText();
    if (text.startsWith("#")) {
      return scalar(new BigInteger(text.substring(1)));
    }
    return new RlpString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static RlpItem scalar(BigInteger value) {
    // Decode the scalar's own encoding's payload, so the expected tree does not reuse the code's
    // minimal-bytes helper: BigInteger's two's complement minus a sign byte is the independent rule.
    byte[] twosComplement = value.toByteArray();
    int start = twosComplement[0] == 0 ? 1 : 0;
    byte[] bytes = java.util.Arrays.copyOfRange(twosComplement, start, twosComplement.length);
    return new RlpString(value.signum() == 0 ? new byte[0] : bytes);
  }
}
