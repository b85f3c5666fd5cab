package org.xinlian.cli.bench;

import java.util.Locale;
import java.util.function.Consumer;
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
      log.accept(String.format(Locale.ROOT,
          "setup: chain %d, %s, %d senders funded%s, %,d transactions signed (gas limit %,d) in %.1f s",
          prepared.chainId(), prepared.feesDescription(), config.senders(),
          prepared.token().map(token -> ", token at " + token.toHexString()).orElse(""),
          prepared.transactions().size(), prepared.gasLimit(), (clock.nanoTime() - setupStart) / 1e9));
      LoadRunner.RunResult result = LoadRunner.run(config, prepared.transactions(), rpc, clock, progress);
      return BenchReport.of(config.workload().name().toLowerCase(Locale.ROOT), result);
    }
  }
}
