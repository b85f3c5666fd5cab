package org.xinlian.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.node.DevChain;
import picocli.CommandLine.Option;

/** The account that signs a governance transaction: a PEM key, or a development account. */
final class GovSender {
  @Option(names = "--key", paramLabel = "PEM", description = "The sending account's key on the chain's suite (PKCS#8 PEM).")
  Path key;

  @Option(names = "--dev-account", paramLabel = "N",
      description = "Send from development account N (0 to 9, standard suite).")
  Integer devAccount;

  KeyPair keyPair(CryptoSuite suite, CliEnvironment environment) throws IOException {
    if (key != null) {
      return ValidatorsSignCommand.readKey(environment.resolve(key), suite);
    }
    if (devAccount < 0 || devAccount >= DevChain.ACCOUNTS.size()) {
      throw new UserException("--dev-account: must be 0 to " + (DevChain.ACCOUNTS.size() - 1));
    }
    return suite.keyPairFromPrivateKey(DevChain.privateKey(devAccount));
  }
}
