package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CLI jar of the previous release, built from this repository's git history (docs/spec/operations.md
 * OPS-89): the sources of {@link #COMMIT} by {@code git archive}, packaged by Maven without tests,
 * and cached under {@code cli/target/previous-release/COMMIT/xinlian.jar} so a second run does
 * not build again. Maven may download from Maven Central what the old build needs.
 */
final class PreviousRelease {
  /**
   * The last commit of the previous release (main before issue 13). Move it to the release's
   * commit at each release, so the upgrade test always starts from the release operators run.
   */
  static final String COMMIT = "8eacf431887bc318e4399999036a73c87ad27a63";
  static final Duration BUILD_MAX = Duration.ofMinutes(20);
  /** Makes a checkout without the previous release's history fail the test instead of skipping it. */
  static final String REQUIRED_PROPERTY = "previous.release.required";
  static final Duration GIT_MAX = Duration.ofMinutes(2);

  private PreviousRelease() {}

  /** The previous release's jar, built now unless the cache has it. */
  static Path jar() throws Exception {
    Path root = projectRoot();
    Path cache = root.resolve("cli").resolve("target").resolve("previous-release").resolve(COMMIT);
    Path jar = cache.resolve("xinlian.jar");
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    Path log = Files.createDirectories(cache).resolve("build.log");
    int known = run(root, List.of("git", "cat-file", "-e", COMMIT + "^{commit}"), log, GIT_MAX);
    if (known != 0) {
      missingHistory("the previous release's commit " + COMMIT + " (PreviousRelease.COMMIT) is not in the git history of "
          + root + ": the upgrade test builds it from there. A shallow clone lacks it: run `git fetch --unshallow`"
          + " (CI clones the whole repository). git said:\n" + Files.readString(log));
    }
    Path sources = cache.resolve("sources");
    deleteTree(sources);
    Files.createDirectories(sources);
    Path tar = cache.resolve("sources.tar");
    check(run(root, List.of("git", "archive", "--format=tar", "-o", tar.toString(), COMMIT), log, GIT_MAX),
        "git archive " + COMMIT, log);
    check(run(sources, List.of("tar", "-xf", tar.toString()), log, GIT_MAX), "tar -xf " + tar, log);
    check(run(sources, List.of("mvn", "-B", "-q", "-DskipTests", "package", "-pl", "cli", "-am"), log, BUILD_MAX),
        "mvn package of the previous release in " + sources, log);
    Path built = sources.resolve("cli").resolve("target").resolve("xinlian.jar");
    if (!Files.isRegularFile(built)) {
      fail("the previous release's build made no " + built + "; its log: " + log);
    }
    Path partial = cache.resolve("xinlian.jar.partial");
    Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(sources);
    Files.deleteIfExists(tar);
    return jar;
  }

  /** The directory holding the root pom and {@code .git} (a directory, or a file in a worktree). */
  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    missingHistory("no git checkout around " + Path.of("").toAbsolutePath() + ": the upgrade test builds the"
        + " previous release " + COMMIT + " from git history, so it needs the repository cloned with git, not an export");
    throw new AssertionError("unreachable");
  }

  /**
   * A checkout without the previous release's history (an export, a shallow clone) cannot run the
   * test: it is reported as not run, with why, unless {@value #REQUIRED_PROPERTY} is true, when
   * it fails. Everything after the history (the build, the network) fails as any test does.
   */
  private static void missingHistory(String why) {
    if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
      fail(why);
    }
    assumeTrue(false, why + " (not run; -D" + REQUIRED_PROPERTY + "=true makes this a failure)");
  }

  private static int run(Path directory, List<String> command, Path log, Duration limit) throws Exception {
    Files.writeString(log, "$ " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    Process process;
    try {
      process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      return fail("cannot run " + command.get(0) + " (needed to build the previous release " + COMMIT + "): "
          + e.getMessage());
    }
    process.getOutputStream().close();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail(String.join(" ", command) + " did not finish within " + limit + "; its log: " + log);
    }
    return process.exitValue();
  }

  private static void check(int exitCode, String what, Path log) throws IOException {
    if (exitCode != 0) {
      String text = Files.readString(log);
      fail(what + " failed (exit " + exitCode + "); the end of " + log + ":\n"
          + text.substring(Math.max(0, text.length() - 6000)));
    }
  }

  private static void deleteTree(Path tree) throws IOException {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
