package org.xinlian.types;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the external test vectors in {@code ../shared/oracles}. When the build requires them
 * ({@code -Doracles.required=true}, as CI does) a missing folder fails the test; otherwise it skips.
 */
public final class Oracles {
  private Oracles() {}

  public static Path path(String relative) {
    String root = System.getProperty("oracles.dir", "../../shared/oracles");
    Path path = Paths.get(root).resolve(relative).normalize();
    if (!Files.exists(path)) {
      String message = "external test vectors not found at " + path.toAbsolutePath();
      if (Boolean.getBoolean("oracles.required")) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipping (set -Doracles.required=true to fail instead)");
    }
    return path;
  }
}
