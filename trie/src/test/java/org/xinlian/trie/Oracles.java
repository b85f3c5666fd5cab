package org.xinlian.trie;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared external vectors ({@code oracles.dir}). A missing folder fails the test when
 * {@code oracles.required} is true (CI) and skips it with the reason otherwise.
 */
public final class Oracles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Oracles() {}

  /** The path of {@code relative} under the oracles folder, which must exist. */
  public static Path require(String relative) {
    String directory = System.getProperty("oracles.dir", "../shared/oracles");
    Path path = Path.of(directory).resolve(relative);
    if (!Files.exists(path)) {
      String message = "oracle vectors not found at " + path.toAbsolutePath();
      if (Boolean.parseBoolean(System.getProperty("oracles.required"))) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipping (set oracles.dir or check out ../shared/oracles)");
    }
    return path;
  }

  /** Every {@code .json} file below {@code directory}, sorted for a stable report. */
  public static List<Path> jsonFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
