package org.xinlian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian validators sign}: adds a validator's signature to an update file. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign an update file with a validator's node key (the PKCS#8 PEM 'network init' writes as "
          + "node<i>/node.key.pem) and add the signature to the file.",
      "",
      "Check the file's validators, epoch and activation height before signing: the signature "
          + "vouches for exactly that set."
    })
final class ValidatorsSignCommand implements Callable<Integer> {
  /** A PEM key is a few hundred bytes. */
  static final int KEY_FILE_BYTES_MAX = 64 * 1024;

  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "FILE", description = "The update file; rewritten in place.")
  Path file;

  @Option(names = "--key", paramLabel = "PEM", required = true,
      description = "The validator's node key on the chain's suite.")
  Path key;

  ValidatorsSignCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Path path = environment.resolve(file);
    ValidatorUpdateFile update = ValidatorUpdateFile.read(path);
    CryptoSuite suite = update.cryptoSuite();
    KeyPair keyPair = readKey(environment.resolve(key), suite);
    Address signer = suite.address(keyPair.publicKey());
    if (update.signers().contains(signer)) {
      throw new UserException(signer + " has already signed " + file);
    }
    Signature signature = suite.sign(keyPair.privateKey(), update.digest());
    ValidatorUpdateFile signed = update.withSignature(signature, signer);
    signed.write(path, true);
    environment.out().println("Signed by " + signer + "; " + signed.signatures().size() + " signature(s) in " + file
        + ". More than two thirds of the current validators must sign.");
    return 0;
  }

  static KeyPair readKey(Path file, CryptoSuite suite) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(KEY_FILE_BYTES_MAX + 1);
    }
    if (bytes.length > KEY_FILE_BYTES_MAX) {
      throw new UserException(file + " is not a PEM key (larger than " + KEY_FILE_BYTES_MAX + " bytes)");
    }
    PrivateKey privateKey;
    try {
      privateKey = suite.privateKeyFromPem(new String(bytes, StandardCharsets.US_ASCII));
    } catch (RuntimeException e) {
      throw new UserException(file + " is not a " + suite.name() + " private key in PEM: " + e.getMessage());
    }
    return suite.keyPairFromPrivateKey(privateKey.bytes());
  }
}
