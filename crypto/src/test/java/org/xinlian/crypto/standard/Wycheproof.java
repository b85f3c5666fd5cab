package org.xinlian.crypto.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.xinlian.common.Hex;

/**
 * Reads Wycheproof vector files from the shared oracles folder and keeps the tally each test
 * prints: every case must get its expected verdict, and "acceptable" cases are counted either way.
 */
final class Wycheproof {
  private final String file;
  private final JsonNode root;
  private int run;
  private int right;
  private int acceptable;
  private final List<String> failures = new ArrayList<>();

  private Wycheproof(String file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /**
   * Loads {@code wycheproof/<file>}; fails when the build requires oracles and they are missing,
   * otherwise skips the test with the reason.
   */
  static Wycheproof load(String file) {
    String directory = System.getProperty("oracles.dir", "../shared/oracles");
    Path path = Path.of(directory, "wycheproof", file);
    if (!Files.isRegularFile(path)) {
      String message = "Wycheproof vectors not found at " + path.toAbsolutePath();
      if (Boolean.parseBoolean(System.getProperty("oracles.required"))) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipping (set oracles.dir or check out ../shared/oracles)");
    }
    try {
      return new Wycheproof(file, new ObjectMapper().readTree(path.toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  Iterable<JsonNode> groups() {
    return root.get("testGroups");
  }

  /** Records one case: {@code accepted} is what the code under test decided. */
  void record(JsonNode group, JsonNode test, boolean accepted) {
    run++;
    String result = test.get("result").asText();
    boolean correct =
        switch (result) {
          case "valid" -> accepted;
          case "invalid" -> !accepted;
          case "acceptable" -> true;
          default -> throw new IllegalStateException("unknown Wycheproof result " + result);
        };
    if ("acceptable".equals(result)) {
      acceptable++;
    }
    if (correct) {
      right++;
    } else {
      failures.add(
          "tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ", flags "
              + test.get("flags") + "): expected " + result + " but was "
              + (accepted ? "accepted" : "rejected"));
    }
  }

  /** Prints the tally and asserts that every case in the file ran and got its verdict. */
  void assertAllRight() {
    assertAllRight("");
  }

  /** As {@link #assertAllRight()}, naming what ran them (e.g. a secp256k1 backend) in the tally. */
  void assertAllRight(String label) {
    int declared = root.get("numberOfTests").asInt();
    System.out.printf(
        "Wycheproof %s%s: %d cases, %d verdicts right (%d acceptable), %d wrong%n",
        file, label.isEmpty() ? "" : " [" + label + "]", run, right, acceptable, failures.size());
    assertEquals(declared, run, file + ": cases run versus numberOfTests");
    assertTrue(failures.isEmpty(), file + ": wrong verdicts:\n" + String.join("\n", failures));
  }

  static byte[] bytes(JsonNode node, String field) {
    return Hex.decode(field, node.get(field).asText());
  }
}
