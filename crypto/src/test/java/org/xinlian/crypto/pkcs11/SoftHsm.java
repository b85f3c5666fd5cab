package org.xinlian.crypto.pkcs11;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real SoftHSM token for tests: a token directory and configuration under the build directory,
 * initialised with {@code softhsm2-util}. SoftHSM reads its configuration file from the {@code
 * SOFTHSM2_CONF} environment variable when the library is first loaded, which a JVM cannot set
 * for itself, so the build sets it for the test JVM (crypto/pom.xml) and this writes the file
 * there; one token serves the whole test JVM because the library scans tokens only once.
 * Without SoftHSM the tests fail when {@code oracles.required} is true (CI installs it, .ci/run)
 * and are skipped otherwise.
 */
final class SoftHsm {
  static final String PIN = "4711-user";
  private static final String SO_PIN = "4711-officer";
  private static final List<Path> LIBRARIES = List.of(
      Path.of("/usr/lib/softhsm/libsofthsm2.so"),
      Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
      Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));
  private static final long INIT_SECONDS_MAX = 60;
  private static Path providerConfig;

  private SoftHsm() {}

  /** The SunPKCS11 configuration file of the shared, initialised token. */
  static synchronized Path providerConfig() throws IOException, InterruptedException {
    if (providerConfig != null) {
      return providerConfig;
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    Path library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    if (conf == null || library == null || !onPath("softhsm2-util")) {
      String reason = "SoftHSM is not installed (apt-get install softhsm2) or SOFTHSM2_CONF is"
          + " unset (the build sets it)";
      if (Boolean.parseBoolean(System.getProperty("oracles.required"))) {
        fail(reason + "; it is required when oracles.required=true");
      }
      Assumptions.abort(reason);
    }
    Path confFile = Path.of(conf);
    Path directory = confFile.getParent();
    Path tokens = directory.resolve("tokens");
    deleteTree(directory);
    Files.createDirectories(tokens);
    Files.writeString(confFile, "directories.tokendir = " + tokens + "\n"
        + "objectstore.backend = file\nlog.level = ERROR\n", StandardCharsets.UTF_8);
    Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label",
        "xinlian-test", "--pin", PIN, "--so-pin", SO_PIN)
        .redirectErrorStream(true).start();
    String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!init.waitFor(INIT_SECONDS_MAX, TimeUnit.SECONDS) || init.exitValue() != 0) {
      fail("softhsm2-util --init-token failed: " + output);
    }
    Path config = directory.resolve("pkcs11.cfg");
    Files.writeString(config, "name = xinlian-test\nlibrary = " + library
        + "\nslotListIndex = 0\n", StandardCharsets.UTF_8);
    providerConfig = config;
    return config;
  }

  private static boolean onPath(String command) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
