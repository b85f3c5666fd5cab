package org.xinlian.interop;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.cli.bench.BenchConfig;
import org.xinlian.cli.bench.BenchReport;
import org.xinlian.cli.bench.BenchReportAssertions;
import org.xinlian.cli.bench.BenchRun;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;

/**
 * A small ERC-20 bench against xinlian dev with the OpenZeppelin token compiled by interop-erc20
 * (skipped without Node.js unless oracles.required=true, as the other interop tests).
 */
class Erc20BenchTest {
  private static final int TRANSACTIONS = 100;

  @Test
  void everyTokenTransferIsIncludedAndTheReportIsConsistent() throws Exception {
    Path artifact = Erc20InteropProject.artifact(Erc20InteropProject.prepare());
    try (XinlianDevEndpoint endpoint = XinlianDevEndpoint.start()) {
      BenchConfig config = new BenchConfig(URI.create(endpoint.rpcUrl()), BenchConfig.Workload.ERC20,
          TRANSACTIONS, 0, 2, 4, 5, 64, 120, "bench-erc20-test", Optional.of(artifact));
      BenchReport report = BenchRun.run(config, CryptoSuites.standard(), DevChain.privateKey(0),
          Clock.system(), System.out::println, (sent, included, failed, total) -> { });
      System.out.print(report.toText());
      BenchReportAssertions.consistent(report, TRANSACTIONS);
    }
  }
}
