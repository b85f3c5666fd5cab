package org.xinlian.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's own tools (dpkg, systemd-analyze, runuser) as the package test needs them. */
final class Commands {
  /** No command of the test takes long; one that hangs fails the test instead of stalling the build. */
  static final long COMMAND_SECONDS_MAX = 60;

  private Commands() {}

  /** What a command printed and how it ended. */
  record Result(List<String> command, int exitStatus, String out, String err) {
    String describe() {
      return String.join(" ", command) + " exited " + exitStatus + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  /** Runs {@code command} to its end; the test fails if it does not end in time. */
  static Result run(String... command) {
    try {
      Path out = Files.createTempFile("xinlian-deb-test", ".out");
      Path err = Files.createTempFile("xinlian-deb-test", ".err");
      try {
        Process process = new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
        if (!process.waitFor(COMMAND_SECONDS_MAX, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail(String.join(" ", command) + ": did not end within " + COMMAND_SECONDS_MAX + " s");
        }
        return new Result(List.of(command), process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Runs {@code command}, failing the test unless it exits 0; returns what it printed. */
  static Result ok(String... command) {
    Result result = run(command);
    assertEquals(0, result.exitStatus(), result::describe);
    return result;
  }

  /** Whether {@code tool} is on this machine's PATH. */
  static boolean installed(String tool) {
    return run("sh", "-c", "command -v " + tool).exitStatus() == 0;
  }
}
