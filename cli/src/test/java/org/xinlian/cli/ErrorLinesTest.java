package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.keystore.KeyFileParameters;

/**
 * Every user error is exactly one line {@code error: <message>} on stderr, a non-zero exit code,
 * nothing on stdout and never a stack trace; {@code --help} works on every command.
 */
class ErrorLinesTest {
  @TempDir Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private static void assertOneErrorLine(CliRun.Result result, int exitCode, String expected) {
    assertEquals(exitCode, result.exitCode(), result.err());
    List<String> lines = result.errLines();
    assertEquals(1, lines.size(), "one line expected:\n" + result.err());
    assertEquals(expected, lines.get(0));
    assertEquals("", result.out());
    assertTrue(!result.err().contains("\tat "), "no stack trace");
  }

  private Path keyFile(String password) throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    String json =
        KeyFile.encrypt(
            suite,
            suite.generateKeyPair(new SecureRandom()).privateKey(),
            password.toCharArray(),
            KeyFileParameters.light(),
            new SecureRandom());
    return Files.writeString(directory.resolve("key.json"), json);
  }

  @Test
  void unknownSuite() {
    assertOneErrorLine(
        run("key", "new", "--suite", "sm9"),
        Main.EXIT_USAGE,
        "error: Invalid value for option '--suite': unknown crypto suite 'sm9' (expected one of"
            + " standard, gm) (see 'xinlian key new --help')");
  }

  @Test
  void missingFile() {
    Path missing = directory.resolve("nope.json");
    assertOneErrorLine(run("key", "show", missing.toString()), 1, "error: no such file: " + missing);
  }

  @Test
  void wrongPassword() throws Exception {
    Path file = keyFile("right");
    Path password = Files.writeString(directory.resolve("password"), "wrong\n");
    assertOneErrorLine(
        run("key", "show", file.toString(), "--password-file", password.toString()),
        1,
        "error: wrong password or corrupted key file (MAC mismatch)");
  }

  @Test
  void fileThatIsNotAKeyFile() throws Exception {
    Path file = Files.writeString(directory.resolve("notes.txt"), "{\"version\": 3,\n \"id\": 7}");
    assertOneErrorLine(run("key", "show", file.toString()), 1, "error: id: must be a string");
    Path broken = Files.writeString(directory.resolve("broken.json"), "{\"version\": 3,\n");
    CliRun.Result result = run("key", "show", broken.toString());
    assertEquals(1, result.exitCode());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("error: keyFile: not valid JSON"), result.err());
  }

  @Test
  void noTerminalAndNoPasswordFile() {
    assertOneErrorLine(
        run("key", "new", "--suite", "standard", "--scrypt-n=1024"),
        1,
        "error: no terminal to ask for the password; use --password-file FILE");
  }

  @Test
  void mistypedOrEmptyPasswords() {
    assertOneErrorLine(
        new CliRun(directory).typing("one", "two").run("key", "new", "--suite", "gm", "--scrypt-n=1024"),
        1,
        "error: the two passwords differ");
    assertOneErrorLine(
        new CliRun(directory).typing("").run("key", "new", "--suite", "gm", "--scrypt-n=1024"),
        1,
        "error: empty passwords are refused");
  }

  @Test
  void existingFileIsNotOverwritten() throws Exception {
    Path existing = Files.writeString(directory.resolve("taken.json"), "precious");
    Path password = Files.writeString(directory.resolve("password"), "pw\n");
    assertOneErrorLine(
        run("key", "new", "--suite", "standard", "--out", existing.toString(),
            "--password-file", password.toString(), "--scrypt-n=1024"),
        1,
        "error: file already exists (not overwritten): " + existing);
    assertEquals("precious", Files.readString(existing));
  }

  @Test
  void badScryptCost() {
    assertOneErrorLine(
        run("key", "new", "--suite", "standard", "--scrypt-n=1000"),
        1,
        "error: scryptParameters.n: must be a power of two between 2 and 1048576 but is 1000");
  }

  @Test
  void unknownCommandAndMissingParameter() {
    CliRun.Result unknown = run("wallet");
    assertEquals(Main.EXIT_USAGE, unknown.exitCode());
    assertEquals(1, unknown.errLines().size(), unknown.err());
    assertTrue(unknown.err().startsWith("error: Unmatched argument at index 0: 'wallet'"), unknown.err());

    assertOneErrorLine(
        run("key", "show"),
        Main.EXIT_USAGE,
        "error: Missing required parameter: 'FILE' (see 'xinlian key show --help')");
  }

  @Test
  void helpWorksEverywhere() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"key", "--help"},
            new String[] {"key", "new", "--help"},
            new String[] {"key", "show", "--help"},
            new String[] {"help", "key"})) {
      CliRun.Result result = run(args);
      assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.err());
      assertTrue(result.out().startsWith("Usage: xinlian"), result.out());
      assertEquals("", result.err());
    }
  }

  @Test
  void publicEntryPointTakesStreams() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode =
        Main.execute(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "key", "show", directory.resolve("absent.json").toString());
    assertEquals(1, exitCode);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertEquals(
        "error: no such file: " + directory.resolve("absent.json") + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8));
  }
}
