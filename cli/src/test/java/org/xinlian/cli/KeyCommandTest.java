package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.keystore.DecryptedKey;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.keystore.KeyFileParameters;

/** {@code xinlian key new} and {@code xinlian key show}, driven in-process. */
class KeyCommandTest {
  private static final Pattern ADDRESS_LINE = Pattern.compile("(?m)^address:\\s+(0x[0-9a-fA-F]{40})");
  private static final Pattern FILE_LINE = Pattern.compile("(?m)^file:\\s+(.+)$");
  private static final String LIGHT = "--scrypt-n=1024";

  @TempDir Path directory;

  private Path passwordFile(String password) throws Exception {
    return Files.writeString(directory.resolve("password-" + password.hashCode()), password + "\n");
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertTrue(matcher.find(), pattern + " not in:\n" + text);
    return matcher.group(1);
  }

  @Test
  void newStandardKeyGetsGethsFileNameAndOwnerOnlyPermissions() throws Exception {
    CliRun.Result result =
        new CliRun(directory)
            .run("key", "new", "--suite", "standard", "--password-file", passwordFile("s3cret").toString(), LIGHT);
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.err());

    String shown = group(ADDRESS_LINE, result.out());
    Path file = Path.of(group(FILE_LINE, result.out()));
    Address address = Address.fromHex(shown);
    assertEquals(ChecksumAddress.format(address), shown, "standard addresses are EIP-55");
    // geth's convention, e.g. UTC--2016-03-22T12-57-55.920751759Z--<address>
    assertEquals(
        directory.resolve("UTC--2016-03-22T12-57-55.920000000Z--" + Hex.encodeBare(address.toArray())), file);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    DecryptedKey key = KeyFile.decrypt(Files.readString(file), "s3cret".toCharArray());
    assertEquals(CryptoSuites.STANDARD, key.suite());
    assertEquals(address, addressOf(key));
  }

  @Test
  void newGmKeyAsksTwiceOnTheTerminal() throws Exception {
    Path out = directory.resolve("gm.json");
    CliRun.Result result =
        new CliRun(directory).typing("pässword", "pässword").run("key", "new", "--suite=gm", "--out", "gm.json", LIGHT);
    assertEquals(0, result.exitCode(), result.err());
    String shown = group(ADDRESS_LINE, result.out());
    assertEquals(shown.toLowerCase(), shown, "gm addresses are shown in lower case");
    String json = Files.readString(out);
    assertTrue(json.contains("\"suite\":\"gm\""), json);
    DecryptedKey key = KeyFile.decrypt(json, "pässword".toCharArray());
    assertEquals(CryptoSuites.GM, key.suite());
    assertEquals(Address.fromHex(shown), addressOf(key));
  }

  @Test
  void showWithoutPasswordPrintsWhatTheFileTells() throws Exception {
    Path file = newKey(CryptoSuites.standard(), "pw");
    CliRun.Result result = new CliRun(directory).run("key", "show", file.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("suite:      standard"), result.out());
    assertTrue(result.out().contains("(as recorded, unverified)"), result.out());
    assertTrue(result.out().contains("public key: (needs the password"), result.out());
  }

  @Test
  void showWithPasswordPrintsThePublicKey() throws Exception {
    for (CryptoSuite suite : List.of(CryptoSuites.standard(), CryptoSuites.gm())) {
      KeyPair keyPair = suite.generateKeyPair(new SecureRandom());
      Path file = writeKey(suite, keyPair, "pw");
      CliRun.Result fromFile =
          new CliRun(directory).run("key", "show", file.toString(), "--password-file", passwordFile("pw").toString());
      CliRun.Result asked = new CliRun(directory).typing("pw").run("key", "show", file.toString(), "--ask-password");
      for (CliRun.Result result : List.of(fromFile, asked)) {
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("suite:      " + suite.name()), result.out());
        assertTrue(
            result.out().contains("address:    " + KeyCommand.formatAddress(suite.name(), suite.address(keyPair.publicKey()))),
            result.out());
        assertTrue(result.out().contains("public key: " + keyPair.publicKey().toHexString()), result.out());
      }
    }
  }

  @Test
  void showTellsWhenTheFileRecordsNoAddress() throws Exception {
    // The Web3 Secret Storage Definition's PBKDF2 test vector, which has no address field.
    Path file =
        Files.writeString(
            directory.resolve("spec.json"),
            "{\"crypto\":{\"cipher\":\"aes-128-ctr\",\"cipherparams\":{\"iv\":\"6087dab2f9fdbbfaddc31a909735c1e6\"},"
                + "\"ciphertext\":\"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46\","
                + "\"kdf\":\"pbkdf2\",\"kdfparams\":{\"c\":262144,\"dklen\":32,\"prf\":\"hmac-sha256\","
                + "\"salt\":\"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd\"},"
                + "\"mac\":\"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2\"},"
                + "\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\",\"version\":3}");
    CliRun.Result result = new CliRun(directory).run("key", "show", file.toString());
    assertTrue(result.out().contains("address:    (not recorded in the file)"), result.out());
    CliRun.Result decrypted =
        new CliRun(directory).run("key", "show", file.toString(), "--password-file", passwordFile("testpassword").toString());
    // The definition gives the address 008aeeda4d805471df9b2a5b0f38a0c3bcba786b.
    assertTrue(
        decrypted.out().contains("address:    " + ChecksumAddress.format(Address.fromHex("008aeeda4d805471df9b2a5b0f38a0c3bcba786b"))),
        decrypted.out());
  }

  private Path newKey(CryptoSuite suite, String password) throws Exception {
    return writeKey(suite, suite.generateKeyPair(new SecureRandom()), password);
  }

  private Path writeKey(CryptoSuite suite, KeyPair keyPair, String password) throws Exception {
    String json =
        KeyFile.encrypt(
            suite,
            keyPair.privateKey(),
            password.toCharArray(),
            KeyFileParameters.light(),
            new SecureRandom());
    return Files.writeString(Files.createTempFile(directory, suite.name(), ".json"), json);
  }

  private static Address addressOf(DecryptedKey key) {
    CryptoSuite suite = CryptoSuites.byName(key.suite());
    return suite.address(suite.keyPairFromPrivateKey(key.privateKey().bytes()).publicKey());
  }
}
