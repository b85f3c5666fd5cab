package org.xinlian.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm project interop-erc20 (ethers.js v6, solc, OpenZeppelin and anvil, all pinned by its
 * package-lock.json). Like the other interop tests, a machine without Node.js skips these tests
 * unless oracles.required=true, where it fails them.
 */
final class Erc20InteropProject {
  static final String DIRECTORY = "interop-erc20";
  private static final List<String> PACKAGES =
      List.of("ethers", "solc", "@openzeppelin/contracts", "@foundry-rs/anvil");
  private static final long COMMAND_SECONDS_MAX = 300;

  private static Path prepared;

  private Erc20InteropProject() {}

  /** Installs the npm packages if needed and compiles the token once per test JVM. */
  static synchronized Path prepare() throws IOException, InterruptedException {
    if (prepared != null) {
      return prepared;
    }
    Path project = Paths.get(System.getProperty("project.root", "..")).resolve(DIRECTORY);
    boolean required = "true".equals(System.getProperty("oracles.required"));
    if (!commandWorks("node", "--version") || !commandWorks("npm", "--version")) {
      String message = "Node.js and npm are needed for the ERC-20 real-client scenarios";
      if (required) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipped");
    }
    if (!PACKAGES.stream().allMatch(name -> Files.isDirectory(project.resolve("node_modules").resolve(name)))) {
      Output output = run(project, List.of("npm", "ci", "--no-audit", "--no-fund"));
      if (output.exitCode() != 0) {
        fail("npm ci in " + project + " failed: " + output.stderr());
      }
    }
    Output compiled = run(project, List.of("node", "compile.mjs"));
    if (compiled.exitCode() != 0) {
      fail("solc could not compile the token: " + compiled.stdout() + compiled.stderr());
    }
    System.out.println("interop-erc20 compiled: " + compiled.stdout().trim());
    prepared = project;
    return project;
  }

  static Path artifact(Path project) {
    return project.resolve("build").resolve("XinlianToken.json");
  }

  record Output(int exitCode, String stdout, String stderr) {}

  static Output run(Path directory, List<String> command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("interop-out", ".txt");
    Path stderr = Files.createTempFile("interop-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(COMMAND_SECONDS_MAX, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS_MAX + " s");
      }
      return new Output(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static boolean commandWorks(String... command) {
    try {
      return run(Paths.get("."), List.of(command)).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
