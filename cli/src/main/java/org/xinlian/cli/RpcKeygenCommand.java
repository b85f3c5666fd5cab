package org.xinlian.cli;

import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian rpc keygen}: a token-signing key pair, ES256 (P-256) or SM2. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Write a token-signing key pair: PREFIX.key.pem (private, owner-only) and PREFIX.pub.pem (public).",
      "",
      "Standard (default): a P-256 key for ES256 tokens; list PREFIX.pub.pem in the node's "
          + "rpc.auth.es256PublicKeyFiles. --suite gm: an SM2 key for SM2SM3 tokens; list it in "
          + "rpc.auth.sm2PublicKeyFiles."
    })
final class RpcKeygenCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix of the two files.")
  Path out;

  @Option(names = "--suite", defaultValue = CryptoSuites.STANDARD, paramLabel = "SUITE",
      description = "standard (ES256, default) or gm (SM2SM3).")
  String suite;

  RpcKeygenCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Path privateFile = environment.resolve(Path.of(out + ".key.pem"));
    Path publicFile = environment.resolve(Path.of(out + ".pub.pem"));
    String privatePem;
    String publicPem;
    if (CryptoSuites.GM.equals(suite)) {
      CryptoSuite gm = CryptoSuites.gm();
      KeyPair pair = gm.generateKeyPair(environment.random());
      privatePem = gm.privateKeyToPem(pair.privateKey());
      publicPem = gm.publicKeyToPem(pair.publicKey());
    } else if (CryptoSuites.STANDARD.equals(suite)) {
      java.security.KeyPair pair = CryptoSuites.transport().generateKeyPair(environment.random());
      privatePem = CryptoSuites.transport().privateKeyToPem(pair.getPrivate());
      publicPem = "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
          + "\n-----END PUBLIC KEY-----\n";
    } else {
      throw new UserException("--suite: must be standard or gm, not " + suite);
    }
    RpcCommand.writePrivately(privateFile, privatePem);
    RpcCommand.writePrivately(publicFile, publicPem);
    environment.out().println("private key: " + privateFile);
    environment.out().println("public key:  " + publicFile + " (rpc.auth."
        + (CryptoSuites.GM.equals(suite) ? "sm2" : "es256") + "PublicKeyFiles)");
    return 0;
  }
}
