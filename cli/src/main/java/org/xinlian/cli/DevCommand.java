package org.xinlian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.node.DevChain;
import org.xinlian.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian dev}: a one-node development chain, like anvil (docs/spec/node.md NODE-5). */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Start a development chain: chain id 31337, JSON-RPC on http://127.0.0.1:8545, ten accounts "
          + "of the mnemonic 'test test ... junk' with 10000 ETH each, a block for every "
          + "transaction. State is kept in the data directory across restarts; Ctrl-C stops it.",
      "The private keys printed are public knowledge: never use them outside development."
    })
final class DevCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "xinlian-dev",
      description = "Where the chain is kept (default: ${DEFAULT-VALUE}).")
  Path dataDirectory;

  @Option(names = "--rpc-port", paramLabel = "PORT", defaultValue = "8545",
      description = "JSON-RPC port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int rpcPort;

  @Option(names = "--block-spacing-ms", paramLabel = "N", defaultValue = "0",
      description = "Least time between two blocks, so bursts share a block (default: ${DEFAULT-VALUE}).")
  long blockSpacingMs;

  DevCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (rpcPort < 0 || rpcPort > 65_535) {
      throw new UserException("--rpc-port: must be 0 to 65535, got " + rpcPort);
    }
    if (blockSpacingMs < 0 || blockSpacingMs > NodeConfig.BlockProduction.SPACING_MS_MAX) {
      throw new UserException("--block-spacing-ms: must be 0 to "
          + NodeConfig.BlockProduction.SPACING_MS_MAX + ", got " + blockSpacingMs);
    }
    NodeConfig config = DevChain.prepare(environment.resolve(dataDirectory), rpcPort, blockSpacingMs,
        environment.clock());
    return NodeRunner.run(environment, config, (node, out) -> {
      out.println("Available Accounts");
      out.println("==================");
      out.println();
      for (int i = 0; i < DevChain.ACCOUNTS.size(); i++) {
        out.println("(" + i + ") " + ChecksumAddress.format(DevChain.ACCOUNTS.get(i).address())
            + " (10000.000000000000000000 ETH)");
      }
      out.println();
      out.println("Private Keys");
      out.println("==================");
      out.println();
      for (int i = 0; i < DevChain.ACCOUNTS.size(); i++) {
        out.println("(" + i + ") " + DevChain.ACCOUNTS.get(i).privateKey());
      }
      out.println();
      out.println("Wallet");
      out.println("==================");
      out.println("Mnemonic:          " + DevChain.MNEMONIC);
      out.println("Derivation path:   m/44'/60'/0'/0/");
      out.println();
      out.println("Chain ID");
      out.println("==================");
      out.println();
      out.println(DevChain.CHAIN_ID);
      out.println();
      out.println("Data directory: " + environment.resolve(dataDirectory)
          + " (block " + node.head().number() + ")");
    });
  }
}
