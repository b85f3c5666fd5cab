package org.xinlian.cli;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian rpc secret}: a fresh HS256 secret for rpc.auth.hs256SecretFile. */
@Command(
    name = "secret",
    mixinStandardHelpOptions = true,
    description = {
      "Write a fresh random HS256 secret (32 bytes, hex) to FILE, readable by its owner only.",
      "",
      "The node reads it as rpc.auth.hs256SecretFile; `xinlian rpc token --hs256-secret-file FILE` "
          + "signs tokens with it. Whoever holds it can mint any token: keep it with the node's keys."
    })
final class RpcSecretCommand implements Callable<Integer> {
  static final int SECRET_BYTES = 32;
  private final CliEnvironment environment;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the secret.")
  Path out;

  RpcSecretCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    byte[] secret = new byte[SECRET_BYTES];
    environment.random().nextBytes(secret);
    Path file = environment.resolve(out);
    RpcCommand.writePrivately(file, HexFormat.of().formatHex(secret) + "\n");
    environment.out().println("wrote an HS256 secret to " + file + " (set rpc.auth.hs256SecretFile to it)");
    return 0;
  }
}
