package org.xinlian.cli.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;

/** A whole benchmark: setup, pre-signing, measured phase, report. */
public final class BenchRun {
  private BenchRun() {}

  /**
   * Runs {@code config}; {@code log} receives one line per setup step, {@code progress} the
   * measured phase's counts.
   */
  public static BenchReport run(BenchConfig config, CryptoSuite suite, byte[] funderKey, Clock clock,
      Consumer<String> log, LoadRunner.ProgressListener progress) {
    try (JsonRpcClient rpc = new JsonRpcClient(config.rpc(), config.connections() + 2)) {
      long setupStart = clock.nanoTime();
      BenchSetup.Prepared prepared = BenchSetup.prepare(config, rpc, suite, funderKey, clock);
      log.accept(setupLine(config, prepared, clock.nanoTime() - setupStart));
      warmUp(config, prepared, rpc, "", clock, log);
      LoadRunner.RunResult result = LoadRunner.run(config, prepared.transactions(), rpc, clock, progress);
      progress.finish();
      return BenchReport.of(config.workload().name().toLowerCase(Locale.ROOT), result);
    }
  }

  /**
   * Sets up {@code config.rpc()} and {@code other} (node A and node B), signs the workload once
   * with fees both accept, then runs the measured phase on A and, once A is done, on B, so each
   * node has the machine to itself and both receive exactly the same bytes.
   *
   * @param progress makes the listener for one node's measured phase, given the node's label
   */
  public static BenchComparison compare(BenchConfig config, URI other, CryptoSuite suite, byte[] funderKey,
      Clock clock, Consumer<String> log, Function<String, LoadRunner.ProgressListener> progress) {
    List<URI> endpoints = List.of(config.rpc(), other);
    List<JsonRpcClient> clients = new ArrayList<>();
    try {
      for (URI endpoint : endpoints) {
        clients.add(new JsonRpcClient(endpoint, config.connections() + 2));
      }
      List<String> versions = clients.stream().map(BenchRun::clientVersion).toList();
      for (int n = 0; n < endpoints.size(); n++) {
        log.accept("node " + BenchSetup.NODE_NAMES.charAt(n) + ": " + endpoints.get(n) + " (" + versions.get(n) + ")");
      }
      long setupStart = clock.nanoTime();
      BenchSetup.Prepared prepared = BenchSetup.prepare(config, clients, suite, funderKey, clock);
      log.accept(setupLine(config, prepared, clock.nanoTime() - setupStart));
      for (int n = 0; n < endpoints.size(); n++) {
        warmUp(config, prepared, clients.get(n), " on node " + BenchSetup.NODE_NAMES.charAt(n), clock, log);
      }
      List<BenchComparison.Node> nodes = new ArrayList<>();
      for (int n = 0; n < endpoints.size(); n++) {
        String name = String.valueOf(BenchSetup.NODE_NAMES.charAt(n));
        log.accept("measuring node " + name + " (" + versions.get(n) + ")");
        LoadRunner.ProgressListener listener = progress.apply(name + " " + shortName(versions.get(n)));
        LoadRunner.RunResult result = LoadRunner.run(config, prepared.transactions(), clients.get(n), clock, listener);
        listener.finish();
        nodes.add(new BenchComparison.Node(name, endpoints.get(n).toString(), versions.get(n),
            BenchReport.of(config.workload().name().toLowerCase(Locale.ROOT), result)));
      }
      return new BenchComparison(config.workload().name().toLowerCase(Locale.ROOT), prepared.chainId(),
          prepared.transactions().size(), prepared.warmup().size(), prepared.gasLimit(), prepared.feesDescription(),
          prepared.token().map(token -> token.toHexString()).orElse(null), nodes);
    } finally {
      clients.forEach(JsonRpcClient::close);
    }
  }

  /**
   * Sends the warm-up transactions, unmeasured; every one must be included, since the measured
   * transactions' nonces follow theirs.
   */
  private static void warmUp(BenchConfig config, BenchSetup.Prepared prepared, JsonRpcClient rpc, String where,
      Clock clock, Consumer<String> log) {
    if (prepared.warmup().isEmpty()) {
      return;
    }
    long start = clock.nanoTime();
    BenchReport warm = BenchReport.of("warm-up", LoadRunner.run(config, prepared.warmup(), rpc, clock,
        (sent, included, failed, total) -> { }));
    if (warm.included() != warm.transactions()) {
      throw new BenchException(String.format(Locale.ROOT,
          "warm-up%s: %,d of %,d transactions included (%,d rejected%s)%s; the measured ones follow their nonces",
          where, warm.included(), warm.transactions(), warm.rejected(), warm.stalled() ? ", stalled" : "",
          warm.failures().isEmpty() ? "" : ": " + warm.failures().keySet().iterator().next()));
    }
    log.accept(String.format(Locale.ROOT, "warm-up%s: %,d transactions included in %.1f s (not measured)",
        where, warm.included(), (clock.nanoTime() - start) / 1e9));
  }

  private static String setupLine(BenchConfig config, BenchSetup.Prepared prepared, long nanos) {
    return String.format(Locale.ROOT,
        "setup: chain %d, %s, %d senders funded%s, %,d transactions signed (gas limit %,d) in %.1f s",
        prepared.chainId(), prepared.feesDescription(), config.senders(),
        prepared.token().map(token -> ", token at " + token.toHexString()).orElse(""),
        prepared.transactions().size(), prepared.gasLimit(), nanos / 1e9);
  }

  /** The node's {@code web3_clientVersion}, to label it; "unknown client" when it has none. */
  static String clientVersion(JsonRpcClient rpc) {
    try {
      return rpc.call("web3_clientVersion").asText("unknown client");
    } catch (BenchException e) {
      return "unknown client";
    }
  }

  /** The client's name without its version details: "anvil/v1.7.1" gives "anvil". */
  static String shortName(String clientVersion) {
    int slash = clientVersion.indexOf('/');
    return slash > 0 ? clientVersion.substring(0, slash) : clientVersion;
  }
}
