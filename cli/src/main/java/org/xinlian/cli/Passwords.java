package org.xinlian.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Where commands get key-file passwords: a file (for scripts) or the terminal (for people). */
final class Passwords {
  /** A password file is one line; anything longer is a mistake (a key file given by error, say). */
  static final long PASSWORD_FILE_BYTES_MAX = 4096;

  private Passwords() {}

  /**
   * The first line of a file, without its line terminator. Only the terminator is stripped, so
   * passwords may begin or end with spaces.
   */
  static char[] fromFile(CliEnvironment environment, Path file) throws IOException {
    Path path = environment.resolve(file);
    if (Files.size(path) > PASSWORD_FILE_BYTES_MAX) {
      throw new UserException(
          "password file " + file + " is larger than " + PASSWORD_FILE_BYTES_MAX + " bytes");
    }
    String content = Files.readString(path, StandardCharsets.UTF_8);
    int end = content.indexOf('\n');
    String line = end < 0 ? content : content.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new UserException("password file " + file + " is empty; empty passwords are refused");
    }
    return line.toCharArray();
  }

  /** Asks once, for opening an existing key file. */
  static char[] ask(CliEnvironment environment, String prompt) {
    return environment.terminal().readPassword(prompt).orElseThrow(Passwords::noTerminal);
  }

  /** Asks twice, for a new key file, and refuses an empty or mistyped password. */
  static char[] askNew(CliEnvironment environment) {
    char[] first = ask(environment, "Password for the new key file: ");
    if (first.length == 0) {
      throw new UserException("empty passwords are refused");
    }
    char[] second = ask(environment, "Repeat the password: ");
    boolean same = Arrays.equals(first, second);
    Arrays.fill(second, '\0');
    if (!same) {
      Arrays.fill(first, '\0');
      throw new UserException("the two passwords differ");
    }
    return first;
  }

  private static UserException noTerminal() {
    return new UserException("no terminal to ask for the password; use --password-file FILE");
  }
}
