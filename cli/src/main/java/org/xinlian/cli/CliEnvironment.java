package org.xinlian.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Optional;
import org.xinlian.common.Clock;

/**
 * Everything a command takes from the outside world, passed in so that tests drive commands
 * with captured streams, a scripted terminal and a temporary working directory.
 *
 * @param in what {@code -} names as an input file (standard input)
 * @param out where results go
 * @param err where the one-line errors go
 * @param terminal the interactive password prompt
 * @param clock the wall clock (for key-file names)
 * @param random entropy for keys, salts and IVs
 * @param workingDirectory against which relative paths and default file names resolve
 */
record CliEnvironment(
    InputStream in,
    PrintStream out,
    PrintStream err,
    Terminal terminal,
    Clock clock,
    SecureRandom random,
    Path workingDirectory) {

  /** Prompts for secrets without echo. */
  interface Terminal {
    /** The typed password, or empty when there is no interactive terminal. */
    Optional<char[]> readPassword(String prompt);
  }

  /** Standard input, the given streams, and the process's console, clock, entropy and directory. */
  static CliEnvironment system(PrintStream out, PrintStream err) {
    Terminal console =
        prompt -> {
          Console systemConsole = System.console();
          return systemConsole == null
              ? Optional.empty()
              : Optional.ofNullable(systemConsole.readPassword("%s", prompt));
        };
    return new CliEnvironment(
        System.in, out, err, console, Clock.system(), new SecureRandom(), Paths.get("").toAbsolutePath());
  }

  /** A path the user typed, relative to the working directory unless absolute. */
  Path resolve(Path path) {
    return workingDirectory.resolve(path);
  }
}
