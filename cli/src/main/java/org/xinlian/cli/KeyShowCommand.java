package org.xinlian.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.keystore.DecryptedKey;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.keystore.KeyFileInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian key show}: what a key file holds. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a key file's suite and address; with the password, also its public key.",
      "",
      "Without --password-file or --ask-password nothing is decrypted: the address shown is the "
          + "one the file records, unverified, and the public key is not shown (it needs the password).",
      "",
      "With the password the file is decrypted, the address is verified against the key, and the "
          + "public key (x || y, 64 bytes, hex) is printed. The private key is never printed.",
      "",
      "Addresses are EIP-55 checksummed on standard keys and lower case on gm keys."
    })
final class KeyShowCommand implements Callable<Integer> {
  /** Key files are under 1 KiB; refuse to read a large file given by mistake. */
  static final long KEY_FILE_BYTES_MAX = 64 * 1024;

  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "FILE", description = "The key file.")
  Path file;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Decrypt with the password on the first line of FILE.")
  Path passwordFile;

  @Option(names = "--ask-password", description = "Decrypt with a password asked on the terminal.")
  boolean askPassword;

  KeyShowCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Path path = environment.resolve(file);
    if (Files.size(path) > KEY_FILE_BYTES_MAX) {
      throw new UserException(file + " is not a key file (larger than " + KEY_FILE_BYTES_MAX + " bytes)");
    }
    String json = Files.readString(path, StandardCharsets.UTF_8);
    KeyFileInfo info = KeyFile.read(json);
    if (passwordFile == null && !askPassword) {
      environment.out().println("suite:      " + info.suite());
      environment.out().println(
          "address:    "
              + info.address()
                  .map(address -> KeyCommand.formatAddress(info.suite(), address) + " (as recorded, unverified)")
                  .orElse("(not recorded in the file)"));
      environment.out().println("public key: (needs the password: --password-file FILE or --ask-password)");
      return 0;
    }
    char[] password =
        passwordFile != null
            ? Passwords.fromFile(environment, passwordFile)
            : Passwords.ask(environment, "Password for " + file + ": ");
    DecryptedKey decrypted;
    try {
      decrypted = KeyFile.decrypt(json, password);
    } finally {
      Arrays.fill(password, '\0');
    }
    CryptoSuite suite = CryptoSuites.byName(decrypted.suite());
    KeyPair keyPair = suite.keyPairFromPrivateKey(decrypted.privateKey().bytes());
    Address address = suite.address(keyPair.publicKey());
    environment.out().println("suite:      " + decrypted.suite());
    environment.out().println("address:    " + KeyCommand.formatAddress(decrypted.suite(), address));
    environment.out().println("public key: " + keyPair.publicKey().toHexString());
    return 0;
  }
}
