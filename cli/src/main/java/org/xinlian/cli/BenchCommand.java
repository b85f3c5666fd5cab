package org.xinlian.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.xinlian.cli.bench.BenchConfig;
import org.xinlian.cli.bench.BenchReport;
import org.xinlian.cli.bench.BenchRun;
import org.xinlian.cli.bench.LoadRunner;
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
      "Throughput = included / (last inclusion seen - first send); latency = send to inclusion seen."
    })
final class BenchCommand implements Callable<Integer> {
  /** A quarter of a second between progress redraws. */
  static final long REDRAW_INTERVAL_NANOS = 250_000_000L;

  private final CliEnvironment environment;

  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "HTTP JSON-RPC endpoint (default: ${DEFAULT-VALUE}).")
  URI rpc;

  @Option(names = "--workload", paramLabel = "KIND", defaultValue = "transfer",
      description = "transfer (1 wei ether transfers) or erc20 (token transfers) (default: ${DEFAULT-VALUE}).")
  String workload;

  @Option(names = "--transactions", paramLabel = "N", defaultValue = "1000",
      description = "Transactions in the measured phase (default: ${DEFAULT-VALUE}).")
  int transactions;

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
    if (!"http".equals(rpc.getScheme()) && !"https".equals(rpc.getScheme())) {
      throw new UserException("--rpc: must be an http:// or https:// URL, got " + rpc);
    }
    BenchConfig config = new BenchConfig(rpc, kind, transactions, rate, connections, senders, batch,
        inFlightPerSender, timeoutSeconds, seed,
        Optional.ofNullable(erc20Artifact).map(environment::resolve));
    byte[] funder = funderKey == null ? DevChain.privateKey(0) : Hex.decode("--funder-key", funderKey.strip());
    PrintStream err = environment.err();
    Progress progress = new Progress(err);
    BenchReport report = BenchRun.run(config, CryptoSuites.standard(), funder, environment.clock(),
        err::println, progress);
    progress.finish();
    environment.out().print(json ? report.toJson() + System.lineSeparator() : report.toText());
    return report.included() == report.transactions() ? 0 : 1;
  }

  /** sent / included / rejected on one standard-error line, redrawn in place. */
  private final class Progress implements LoadRunner.ProgressListener {
    private final PrintStream err;
    private long lastDrawNanos;
    private boolean drawn;
    private String line = "";

    Progress(PrintStream err) {
      this.err = err;
    }

    @Override
    public synchronized void onProgress(int sent, int included, int failed, int total) {
      int percent = total == 0 ? 100 : (int) (100L * included / total);
      int filled = percent * ProgressBar.WIDTH / 100;
      line = "[" + "#".repeat(filled) + " ".repeat(ProgressBar.WIDTH - filled) + "] "
          + String.format(Locale.ROOT, "%3d%%  sent %,d  included %,d  rejected %,d  of %,d",
              percent, sent, included, failed, total);
      long now = environment.clock().nanoTime();
      if (!drawn || now - lastDrawNanos >= REDRAW_INTERVAL_NANOS) {
        err.print("\r" + line);
        err.flush();
        drawn = true;
        lastDrawNanos = now;
      }
    }

    synchronized void finish() {
      if (drawn) {
        err.print("\r" + line);
        err.println();
      }
    }
  }
}
