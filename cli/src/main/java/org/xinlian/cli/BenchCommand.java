package org.xinlian.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.xinlian.cli.bench.BenchComparison;
import org.xinlian.cli.bench.BenchConfig;
import org.xinlian.cli.bench.BenchProgress;
import org.xinlian.cli.bench.BenchReport;
import org.xinlian.cli.bench.BenchRun;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian bench}: a load generator for any Ethereum JSON-RPC endpoint. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a node's transaction throughput and inclusion latency over JSON-RPC.",
      "Setup (not measured): fund the senders (keys derived from --seed) from --funder-key, deploy "
          + "and distribute the token for --workload erc20, then sign every transaction in advance. "
          + "Measured: send them over --connections HTTP connections in eth_sendRawTransaction "
          + "batches of --batch, and watch new blocks (eth_getBlockByNumber) for their hashes.",
      "Throughput = included / (last inclusion seen - first send); latency = send to inclusion seen.",
      "With --compare URL: set up both nodes (same chain id required), sign the workload once with "
          + "fees both accept, measure --rpc (node A) and then --compare (node B) with exactly the same "
          + "bytes, and print the two reports side by side."
    })
final class BenchCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "HTTP JSON-RPC endpoint (default: ${DEFAULT-VALUE}).")
  URI rpc;

  @Option(names = "--compare", paramLabel = "URL",
      description = "A second HTTP JSON-RPC endpoint (node B) that receives the same signed workload after --rpc.")
  URI compare;

  @Option(names = "--workload", paramLabel = "KIND", defaultValue = "transfer",
      description = "transfer (1 wei ether transfers) or erc20 (token transfers) (default: ${DEFAULT-VALUE}).")
  String workload;

  @Option(names = "--transactions", paramLabel = "N", defaultValue = "1000",
      description = "Transactions in the measured phase (default: ${DEFAULT-VALUE}).")
  int transactions;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
      description = "Transactions sent first to every node, unmeasured, so that JIT compilers (the load "
          + "generator's, a JVM node's) are warm when measuring starts (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--rate", paramLabel = "TPS", defaultValue = "0",
      description = "Target send rate per second; 0 sends as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--connections", paramLabel = "C", defaultValue = "4",
      description = "Concurrent HTTP connections sending (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--senders", paramLabel = "S", defaultValue = "16",
      description = "Sender accounts, used round robin (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "10",
      description = "Transactions per JSON-RPC batch request; 1 sends single requests (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--in-flight-per-sender", paramLabel = "W", defaultValue = "64",
      description = "Most sent but not yet included transactions per sender, below pools' per-sender "
          + "limits (Xinlian 80, geth 64); 0 for no limit (default: ${DEFAULT-VALUE}).")
  int inFlightPerSender;

  @Option(names = "--in-flight", paramLabel = "N", defaultValue = "" + BenchConfig.IN_FLIGHT_DEFAULT,
      description = "Most sent but not yet included transactions over all senders, below pools' global "
          + "limits (geth and Xinlian 5,120); 0 for no limit (default: ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "Longest measured phase (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--seed", paramLabel = "TEXT", defaultValue = "xinlian-bench",
      description = "Sender keys are Keccak-256(seed || index) (default: ${DEFAULT-VALUE}).")
  String seed;

  @Option(names = "--funder-key", paramLabel = "HEX",
      description = "Private key paying for setup (default: dev account 0 of the test mnemonic).")
  String funderKey;

  @Option(names = "--erc20-artifact", paramLabel = "FILE",
      description = "Compiled ERC-20 ({abi, bytecode} JSON, constructor(uint256 supply)), for --workload erc20.")
  Path erc20Artifact;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto",
      description = "bar (redrawn in place), lines (one every 5 s), none, or auto: bar on a terminal, "
          + "lines otherwise (default: ${DEFAULT-VALUE}).")
  String progress;

  BenchCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    BenchConfig.Workload kind = switch (workload.toLowerCase(Locale.ROOT)) {
      case "transfer" -> BenchConfig.Workload.TRANSFER;
      case "erc20" -> BenchConfig.Workload.ERC20;
      default -> throw new UserException("--workload: must be transfer or erc20, got " + workload);
    };
    requireHttp("--rpc", rpc);
    if (compare != null) {
      requireHttp("--compare", compare);
    }
    BenchProgress.Style style = switch (progress.toLowerCase(Locale.ROOT)) {
      case "bar" -> BenchProgress.Style.BAR;
      case "lines" -> BenchProgress.Style.LINES;
      case "none" -> BenchProgress.Style.NONE;
      // The console is there only when standard input and output are both a terminal.
      case "auto" -> System.console() != null ? BenchProgress.Style.BAR : BenchProgress.Style.LINES;
      default -> throw new UserException("--progress: must be auto, bar, lines or none, got " + progress);
    };
    BenchConfig config = new BenchConfig(rpc, kind, transactions, warmup, rate, connections, senders, batch,
        inFlightPerSender, inFlight, timeoutSeconds, seed,
        Optional.ofNullable(erc20Artifact).map(environment::resolve));
    byte[] funder = funderKey == null ? DevChain.privateKey(0) : Hex.decode("--funder-key", funderKey.strip());
    PrintStream err = environment.err();
    if (compare != null) {
      BenchComparison comparison = BenchRun.compare(config, compare, CryptoSuites.standard(), funder,
          environment.clock(), err::println, label -> new BenchProgress(err, environment.clock(), style, label));
      environment.out().print(json ? comparison.toJson() + System.lineSeparator() : comparison.toText());
      boolean complete = comparison.nodes().stream()
          .allMatch(node -> node.report().included() == node.report().transactions());
      return complete ? 0 : 1;
    }
    BenchReport report = BenchRun.run(config, CryptoSuites.standard(), funder, environment.clock(),
        err::println, new BenchProgress(err, environment.clock(), style, ""));
    environment.out().print(json ? report.toJson() + System.lineSeparator() : report.toText());
    return report.included() == report.transactions() ? 0 : 1;
  }

  private static void requireHttp(String option, URI endpoint) {
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new UserException(option + ": must be an http:// or https:// URL, got " + endpoint);
    }
  }
}
