package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * contracts/GovernedProxy.sol and interop-erc20's counters compiled by the pinned solc of
 * interop-erc20 (compile-governed.mjs), as the token of the interop tests is: npm ci when
 * node_modules lacks solc, then the script. Without Node.js the tests that need it are skipped, or
 * fail when oracles.required=true.
 */
final class GovernedArtifacts {
  private static final long COMMAND_SECONDS_MAX = 300;
  private static JsonNode compiled;

  private GovernedArtifacts() {}

  /** build/Governed.json: {@code compiler} and {@code contracts.<Name>.bytecode}. */
  static synchronized JsonNode compiled() throws IOException, InterruptedException {
    if (compiled != null) {
      return compiled;
    }
    Path project = Paths.get(System.getProperty("project.root", "..")).resolve("interop-erc20");
    if (!works(project, "node", "--version") || !works(project, "npm", "--version")) {
      String message = "Node.js and npm are needed to compile contracts/GovernedProxy.sol";
      if ("true".equals(System.getProperty("oracles.required"))) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipped");
    }
    if (!Files.isDirectory(project.resolve("node_modules").resolve("solc"))) {
      if (run(project, "npm", "ci", "--no-audit", "--no-fund") != 0) {
        fail("npm ci in " + project + " failed");
      }
    }
    if (run(project, "node", "compile-governed.mjs") != 0) {
      fail("solc could not compile contracts/GovernedProxy.sol or the counters");
    }
    compiled = new ObjectMapper().readTree(project.resolve("build").resolve("Governed.json").toFile());
    return compiled;
  }

  static String bytecode(String contract) throws IOException, InterruptedException {
    return compiled().path("contracts").path(contract).path("bytecode").asText();
  }

  /** Output goes to a log file, never to this JVM's streams, which Surefire talks over (see TokenArtifact). */
  private static int run(Path directory, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("xinlian-governed-command", ".log");
    Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(COMMAND_SECONDS_MAX, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS_MAX + " s; output in " + log);
    }
    if (process.exitValue() != 0) {
      System.out.println(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
    }
    Files.deleteIfExists(log);
    return process.exitValue();
  }

  private static boolean works(Path directory, String... command) {
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(COMMAND_SECONDS_MAX, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
