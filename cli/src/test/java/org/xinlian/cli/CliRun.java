package org.xinlian.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Clock;

/** Runs the CLI in-process with captured streams, a scripted terminal and a fixed clock. */
final class CliRun {
  /** 2016-03-22T12:57:55.920Z, the time in geth's documented example key-file name. */
  static final long FIXED_TIME_MILLIS = 1_458_651_475_920L;

  record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private final Path workingDirectory;
  private final Deque<String> typedPasswords = new ArrayDeque<>();
  private boolean terminalPresent = true;
  private byte[] standardInput = new byte[0];
  private boolean systemClock;

  CliRun(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /** Passwords the user will type at the prompts, in order. */
  CliRun typing(String... passwords) {
    typedPasswords.addAll(List.of(passwords));
    return this;
  }

  /** What the command reads from standard input. */
  CliRun withInput(String input) {
    standardInput = input.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** The real clock instead of the fixed one (certificates that peers check against their clocks). */
  CliRun withSystemClock() {
    systemClock = true;
    return this;
  }

  CliRun withoutTerminal() {
    terminalPresent = false;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment.Terminal terminal =
        prompt -> {
          if (!terminalPresent) {
            return Optional.empty();
          }
          String typed = typedPasswords.poll();
          if (typed == null) {
            throw new IllegalStateException("the test typed no password for: " + prompt);
          }
          return Optional.of(typed.toCharArray());
        };
    Clock fixed =
        new Clock() {
          @Override
          public long currentTimeMillis() {
            return FIXED_TIME_MILLIS;
          }

          @Override
          public long nanoTime() {
            return 0;
          }
        };
    Clock clock = systemClock ? Clock.system() : fixed;
    CliEnvironment environment =
        new CliEnvironment(
            new ByteArrayInputStream(standardInput),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            terminal,
            clock,
            new SecureRandom(),
            workingDirectory);
    int exitCode = Main.execute(environment, args);
    return new Result(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
