package org.xinlian.crypto.gm;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Reads external vectors from {@code oracles.dir}; fails when they are required, skips otherwise. */
final class Oracles {
  private Oracles() {}

  static JsonNode read(String relativePath) {
    String directory = System.getProperty("oracles.dir", "../../shared/oracles");
    Path file = Path.of(directory).resolve(relativePath);
    if (!Files.isRegularFile(file)) {
      String message = "oracle file " + file.toAbsolutePath() + " is missing";
      if ("true".equals(System.getProperty("oracles.required"))) {
        fail(message + " and oracles.required=true");
      }
      Assumptions.abort(message + "; skipping (set -Doracles.required=true to fail instead)");
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
