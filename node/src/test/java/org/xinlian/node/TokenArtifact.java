package org.xinlian.node;

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
import org.xinlian.common.Hex;

/**
 * The creation code of interop-erc20's XinlianToken (OpenZeppelin's ERC-20 compiled by the pinned
 * solc), built the way cli's Erc20InteropProject builds it: npm ci when node_modules lacks the
 * packages, then compile.mjs. Without Node.js the SDK scenario is skipped, or fails when
 * oracles.required=true.
 */
final class TokenArtifact {
  private static final List<String> PACKAGES = List.of("solc", "@openzeppelin/contracts");
  private static final long COMMAND_SECONDS_MAX = 300;
  private static byte[] creationCode;

  private TokenArtifact() {}

  static synchronized byte[] creationCode() throws IOException, InterruptedException {
    if (creationCode != null) {
      return creationCode.clone();
    }
    Path project = Paths.get(System.getProperty("project.root", "..")).resolve("interop-erc20");
    boolean required = "true".equals(System.getProperty("oracles.required"));
    if (!commandWorks(project, "node", "--version") || !commandWorks(project, "npm", "--version")) {
      String message = "Node.js and npm are needed to compile the ERC-20 of the SDK scenario";
      if (required) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipped");
    }
    if (!PACKAGES.stream().allMatch(name -> Files.isDirectory(project.resolve("node_modules").resolve(name)))) {
      int exit = run(project, "npm", "ci", "--no-audit", "--no-fund");
      if (exit != 0) {
        fail("npm ci in " + project + " failed with exit code " + exit);
      }
    }
    int compiled = run(project, "node", "compile.mjs");
    if (compiled != 0) {
      fail("solc could not compile the token (exit code " + compiled + ")");
    }
    JsonNode artifact = new ObjectMapper().readTree(project.resolve("build").resolve("XinlianToken.json").toFile());
    creationCode = Hex.decode(artifact.get("bytecode").asText());
    System.out.println("SDK scenario token: XinlianToken, " + artifact.get("compiler").asText() + ", "
        + creationCode.length + " bytes of creation code");
    return creationCode.clone();
  }

  /**
   * Runs a command with its output in a log file, never on this JVM's standard streams: Surefire
   * talks to the forked test JVM over them, and npm/node both write there and switch an inherited
   * stdin to non-blocking, which broke the fork ("std/in stream corrupted") on a fresh checkout.
   */
  private static int run(Path directory, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("xinlian-token-command", ".log");
    Process process = new ProcessBuilder(command).directory(directory.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(COMMAND_SECONDS_MAX, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS_MAX + " s; output in " + log);
    }
    int exit = process.exitValue();
    if (exit != 0) {
      System.out.println(String.join(" ", command) + " exited with " + exit + ":\n" + Files.readString(log));
    }
    Files.deleteIfExists(log);
    return exit;
  }

  private static boolean commandWorks(Path directory, String... command) {
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
