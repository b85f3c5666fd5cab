package org.xinlian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.keystore.KeyFileParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xinlian key import}: a plain PKCS#8 PEM key (a node key of an existing network) written
 * as a password-encrypted key file, so a node's key can be encrypted at rest (docs/ops/keys.md).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Encrypt a PEM private key (such as a node's node.key.pem) into a key file.",
      "",
      "The key file has the accounts' format; point the node's nodeKeyFile at it, give the node "
          + "a passphrase source (keys.passphraseFile, keys.passphraseEnv or --ask-passphrase), "
          + "then delete the PEM file."
    })
final class KeyImportCommand implements Callable<Integer> {
  /** A PEM private key is a few hundred bytes. */
  static final int PEM_BYTES_MAX = 64 * 1024;

  private final CliEnvironment environment;

  @Option(names = "--suite", required = true, converter = SuiteNameConverter.class,
      paramLabel = "SUITE", description = "standard or gm: the suite of the key.")
  String suite;

  @Option(names = "--pem", required = true, paramLabel = "FILE",
      description = "The PKCS#8 PEM private key to encrypt.")
  Path pemFile;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Where to write the key file (never overwritten).")
  Path out;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Read the password from the first line of FILE instead of asking twice.")
  Path passwordFile;

  @Option(names = "--scrypt-n", paramLabel = "N", defaultValue = "262144",
      description = "scrypt cost, a power of two (default: ${DEFAULT-VALUE}).")
  int scryptN;

  KeyImportCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Path target = environment.resolve(out);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    CryptoSuite cryptoSuite = CryptoSuites.byName(suite);
    String pem;
    try (InputStream in = Files.newInputStream(environment.resolve(pemFile))) {
      byte[] bytes = in.readNBytes(PEM_BYTES_MAX + 1);
      if (bytes.length > PEM_BYTES_MAX) {
        throw new UserException("--pem: " + pemFile + " is larger than " + PEM_BYTES_MAX + " bytes");
      }
      pem = new String(bytes, StandardCharsets.US_ASCII);
    }
    PrivateKey key;
    try {
      key = cryptoSuite.privateKeyFromPem(pem);
    } catch (RuntimeException e) {
      throw new UserException("--pem: " + pemFile + " is not a " + suite + " private key: "
          + e.getMessage());
    }
    KeyFileParameters parameters = new KeyFileParameters(scryptN,
        KeyFileParameters.DEFAULT.scryptR(), KeyFileParameters.DEFAULT.scryptP());
    char[] password = passwordFile != null ? Passwords.fromFile(environment, passwordFile)
        : Passwords.askNew(environment);
    String json;
    try {
      json = KeyFile.encrypt(cryptoSuite, key, password, parameters, environment.random());
    } finally {
      Arrays.fill(password, '\0');
    }
    KeyNewCommand.writePrivately(target, json);
    environment.out().println("address: " + KeyCommand.formatAddress(suite,
        cryptoSuite.address(cryptoSuite.keyPairFromPrivateKey(key.bytes()).publicKey())));
    environment.out().println("file:    " + target);
    return 0;
  }
}
