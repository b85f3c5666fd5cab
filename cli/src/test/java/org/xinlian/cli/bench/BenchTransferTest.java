package org.xinlian.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;
import org.xinlian.node.Node;

/** A small transfer bench against an in-process dev node: every transaction lands, numbers agree. */
class BenchTransferTest {
  private static final int TRANSACTIONS = 200;
  private static final int SENDERS = 4;

  @Test
  void everyTransferIsIncludedAndTheReportIsConsistent(@TempDir Path data) {
    Clock clock = Clock.system();
    try (Node node = Node.start(DevChain.prepare(data, 0, 0, clock), clock)) {
      URI rpc = URI.create("http://127.0.0.1:" + node.rpcAddress().getPort());
      BenchConfig config = new BenchConfig(rpc, BenchConfig.Workload.TRANSFER, TRANSACTIONS, 0, 2, SENDERS, 5,
          64, 120, "bench-test", Optional.empty());
      int[] lastIncluded = {-1};
      BenchReport report = BenchRun.run(config, CryptoSuites.standard(), DevChain.privateKey(0), clock,
          line -> System.out.println(line), (sent, included, failed, total) -> {
            assertTrue(included >= lastIncluded[0], "included never decreases");
            lastIncluded[0] = included;
          });
      System.out.print(report.toText());
      BenchReportAssertions.consistent(report, TRANSACTIONS);
      assertEquals(TRANSACTIONS, lastIncluded[0], "the last progress report counts everything");

      // Independently of the poller: each sender's nonce on the node advanced by its share.
      try (JsonRpcClient client = new JsonRpcClient(rpc, 1)) {
        for (int s = 0; s < SENDERS; s++) {
          Account sender = Account.derived(CryptoSuites.standard(), "bench-test", s);
          long nonce = Quantities.parse(client.call("eth_getTransactionCount",
              Hex.encode(sender.address().toArray()), "latest"), "nonce").longValueExact();
          assertEquals(TRANSACTIONS / SENDERS, nonce, "nonce of sender " + s);
        }
      }
    }
  }
}
