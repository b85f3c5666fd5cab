package org.xinlian.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.xinlian.cli.network.NetworkInit;
import org.xinlian.cli.network.NetworkSpec;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.keystore.KeyFileParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian network init}: keys, certificates, genesis and configurations of a local network. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a network of N validator nodes and M observer nodes in DIR: for each organisation "
          + "(one per node unless --orgs) a CA on the chain's suite (secp256k1 or SM2) and a "
          + "transport CA (P-256; SM2 on gm chains, whose TLS is RFC 8998), each node's key and certificates from its organisation's CAs, a genesis "
          + "with the validator nodes as validators (chain id 31337, 30M gas, base fee 0, the ten "
          + "development accounts funded unless --no-dev-accounts) and one config.json per node. "
          + "Node i serves JSON-RPC on 127.0.0.1:(rpc-base-port + i) and P2P on "
          + "127.0.0.1:(p2p-base-port + i); the observers are the nodes after the validators.",
      "With --governance, genesis also carries the consortium (organisations with their CA "
          + "certificates, one governor per organisation, the nodes with their roles, the development "
          + "accounts as operators and users of org1), and governors/<org>.key.pem holds each governor's key.",
      "Private keys are written with permissions 0600; the CA keys under ca/ belong offline in a real deployment."
    })
final class NetworkInitCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = {"--validators", "--nodes"}, paramLabel = "N", defaultValue = "4",
      description = "Validator nodes, 1 to " + NetworkSpec.NODES_MAX + " (default: ${DEFAULT-VALUE}).")
  int validators;

  @Option(names = "--observers", paramLabel = "M", defaultValue = "0",
      description = "Observer nodes: they sync and verify every block and serve JSON-RPC, and never vote "
          + "(default: ${DEFAULT-VALUE}; with the validators at most " + NetworkSpec.NODES_MAX + ").")
  int observers;

  @Option(names = "--orgs", paramLabel = "K",
      description = "Organisations, 1 to N + M; node i belongs to org((i mod K) + 1) (default: one per node).")
  Integer organisations;

  @Option(names = "--governance", negatable = true, defaultValue = NetworkSpec.GOVERNANCE_DEFAULT,
      fallbackValue = "true",
      description = "Write the consortium's governance section into genesis (default: ${DEFAULT-VALUE}).")
  boolean governance;

  @Option(names = "--suite", paramLabel = "SUITE", defaultValue = CryptoSuites.STANDARD,
      converter = SuiteNameConverter.class,
      description = "standard (secp256k1, Keccak) or gm (SM2, SM3) (default: ${DEFAULT-VALUE}).")
  String suite;

  @Option(names = "--dir", required = true, paramLabel = "DIR",
      description = "Where to create the network; must be absent or empty unless --force.")
  Path directory;

  @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "31337",
      description = "EIP-155 chain id (default: ${DEFAULT-VALUE}).")
  long chainId;

  @Option(names = "--rpc-base-port", paramLabel = "PORT", defaultValue = "8545",
      description = "JSON-RPC port of node 0; node i uses PORT + i (default: ${DEFAULT-VALUE}).")
  int rpcBasePort;

  @Option(names = "--p2p-base-port", paramLabel = "PORT", defaultValue = "30300",
      description = "P2P port of node 0; node i uses PORT + i (default: ${DEFAULT-VALUE}).")
  int p2pBasePort;

  @Option(names = "--no-dev-accounts",
      description = "Fund no account at genesis (the development keys are public knowledge).")
  boolean noDevAccounts;

  @Option(names = "--force",
      description = "Replace the stopped network in a non-empty DIR (its ledgers are deleted).")
  boolean force;

  @Option(names = "--encrypt-keys",
      description = "Write each node's keys encrypted under the --passphrase-file passphrase: the "
          + "node key as node.key.json (the accounts' key-file format), the transport key as "
          + "encrypted PKCS#8; each config.json names the passphrase file (keys.passphraseFile).")
  boolean encryptKeys;

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "The passphrase of --encrypt-keys: the first line of FILE.")
  Path passphraseFile;

  @Option(names = "--scrypt-n", paramLabel = "N", defaultValue = "262144",
      description = "scrypt cost of the encrypted node key files, a power of two (default: "
          + "${DEFAULT-VALUE}). Lower values are only for throwaway test networks.")
  int scryptN;

  NetworkInitCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    NetworkSpec spec = new NetworkSpec(validators, observers,
        organisations == null ? validators + observers : organisations, suite, chainId, rpcBasePort, p2pBasePort,
        !noDevAccounts, governance);
    if (encryptKeys != (passphraseFile != null)) {
      throw new UserException(encryptKeys ? "--encrypt-keys: needs --passphrase-file FILE"
          : "--passphrase-file: only with --encrypt-keys");
    }
    NetworkInit.KeyProtection protection = null;
    if (encryptKeys) {
      Path file = environment.resolve(passphraseFile);
      protection = new NetworkInit.KeyProtection(Passwords.fromFile(environment, passphraseFile),
          file, new KeyFileParameters(scryptN, KeyFileParameters.DEFAULT.scryptR(),
              KeyFileParameters.DEFAULT.scryptP()));
    }
    NetworkInit.Summary summary;
    try {
      summary = NetworkInit.create(environment.resolve(directory), spec, force,
          Instant.ofEpochMilli(environment.clock().currentTimeMillis()), environment.random(),
          protection);
    } finally {
      if (protection != null) {
        java.util.Arrays.fill(protection.passphrase(), '\0');
      }
    }
    print(summary, environment.out());
    environment.out().println();
    environment.out().println("Start it: xinlian network up --dir " + summary.layout().directory());
    return 0;
  }

  static void print(NetworkInit.Summary summary, PrintStream out) {
    NetworkSpec spec = summary.spec();
    out.println("Created a network of " + count(spec.nodes(), "node") + " in " + summary.layout().directory()
        + ": " + count(spec.validators(), "validator")
        + (spec.observers() == 0 ? "" : " and " + count(spec.observers(), "observer")) + " in "
        + count(spec.organisations(), "organisation") + " (suite " + spec.suite() + ", chain id "
        + spec.chainId() + ")");
    out.println();
    out.println(String.format("%-7s %-10s %-6s %-42s %-24s %s", "node", "role", "org", "address", "JSON-RPC", "P2P"));
    for (NetworkInit.InitializedNode node : summary.nodes()) {
      out.println(String.format("%-7s %-10s %-6s %-42s %-24s %s", "node" + node.index(),
          node.validator() ? "validator" : "observer", node.organisation(),
          KeyCommand.formatAddress(spec.suite(), node.address()), node.rpcUrl(), node.p2pAddress()));
    }
    out.println();
    if (summary.funded().isEmpty()) {
      out.println("No account is funded at genesis (--no-dev-accounts).");
    } else {
      out.println("Funded accounts, 10000 ETH each (keys of the public test mnemonic: development only"
          + (spec.governance() ? "; operators and users of org1" : "") + "):");
      for (int i = 0; i < summary.funded().size(); i++) {
        out.println("(" + i + ") " + KeyCommand.formatAddress(spec.suite(), summary.funded().get(i).address())
            + "  " + summary.funded().get(i).privateKey());
      }
    }
    if (!summary.governors().isEmpty()) {
      out.println();
      out.println("Governors, weight 1 each (genesis governance section):");
      for (NetworkInit.Governor governor : summary.governors()) {
        out.println(String.format("%-6s %-42s %s", governor.organisation(),
            KeyCommand.formatAddress(spec.suite(), governor.address()), governor.keyFile()));
      }
    }
    out.println();
    out.println("CA private keys (each organisation's belong offline in a real deployment; see "
        + summary.layout().caReadme() + "): " + summary.layout().caDirectory() + "/org*/*.key.pem");
  }

  private static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
