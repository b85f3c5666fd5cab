package org.xinlian.types.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.types.Oracles;

/** TYPES-1, TYPES-2: Ethereum's RLPTests, every case. */
class RlpTestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void encodesAndDecodesEveryValidVector() throws IOException {
    JsonNode root = JSON.readTree(Oracles.path("ethereum-tests/RLPTests/rlptest.json").toFile());
    int cases = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byte[] expected = Hex.decode(entry.getValue().get("out").asText());
      RlpItem input = toItem(entry.getValue().get("in"));
      assertArrayEquals(expected, Rlp.encode(input), entry.getKey() + ": encoding");
      assertArrayEquals(
          expected, Rlp.encode(Rlp.decode("rlp", expected)), entry.getKey() + ": decode");
      cases++;
    }
    System.out.println("RLPTests rlptest.json: " + cases + " cases encoded and decoded");
    assertEquals(root.size(), cases);
  }

  @Test
  void rejectsEveryInvalidVector() throws IOException {
    JsonNode root =
        JSON.readTree(Oracles.path("ethereum-tests/RLPTests/invalidRLPTest.json").toFile());
    int cases = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byte[] encoded = Hex.decode(entry.getValue().get("out").asText());
      assertThrows(
          DecodingException.class, () -> Rlp.decode("rlp", encoded), entry.getKey());
      cases++;
    }
    System.out.println("RLPTests invalidRLPTest.json: " + cases + " cases rejected");
    assertEquals(root.size(), cases);
  }

  @Test
  void decodesAndReencodesEveryRandomVector() throws IOException {
    Path folder = Oracles.path("ethereum-tests/RLPTests/RandomRLPTests");
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int cases = 0;
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        byte[] encoded = Hex.decode(entry.getValue().get("out").asText());
        assertEquals("VALID", entry.getValue().get("in").asText());
        assertArrayEquals(encoded, Rlp.encode(Rlp.decode("rlp", encoded)), entry.getKey());
        cases++;
      }
    }
    System.out.println("RLPTests RandomRLPTests: " + cases + " cases decoded and re-encoded");
    assertEquals(files.size(), cases);
  }

  private static RlpItem toItem(JsonNode node) {
    if (node.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      node.forEach(child -> items.add(toItem(child)));
      return new RlpItem.ListItem(items);
    }
    if (node.isIntegralNumber()) {
      return new RlpItem.Bytes(Rlp.unsignedBytes(node.bigIntegerValue()));
    }
    String text = node.asText();
    if (text.startsWith("#")) {
      return new RlpItem.Bytes(Rlp.unsignedBytes(new BigInteger(text.substring(1))));
    }
    return new RlpItem.Bytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
