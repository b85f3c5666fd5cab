package org.xinlian.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.cli.bench.BenchComparison;
import org.xinlian.cli.bench.BenchConfig;
import org.xinlian.cli.bench.BenchException;
import org.xinlian.cli.bench.BenchReport;
import org.xinlian.cli.bench.BenchReportAssertions;
import org.xinlian.cli.bench.BenchRun;
import org.xinlian.cli.bench.JsonRpcClient;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;

/**
 * Small ERC-20 benches against xinlian dev with the OpenZeppelin token compiled by interop-erc20
 * (skipped without Node.js unless oracles.required=true, as the other interop tests): one node,
 * then the comparison mode on two, which needs the token at the same address on both.
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

  @Test
  void theSameTokenTransfersRunOnTwoNodesWithTheTokenAtOneAddress() throws Exception {
    Path artifact = Erc20InteropProject.artifact(Erc20InteropProject.prepare());
    try (XinlianDevEndpoint a = XinlianDevEndpoint.start(); XinlianDevEndpoint b = XinlianDevEndpoint.start()) {
      BenchConfig config = new BenchConfig(URI.create(a.rpcUrl()), BenchConfig.Workload.ERC20,
          TRANSACTIONS, 0, 2, 4, 5, 64, 120, "bench-erc20-compare", Optional.of(artifact));
      BenchComparison comparison = BenchRun.compare(config, URI.create(b.rpcUrl()), CryptoSuites.standard(),
          DevChain.privateKey(0), Clock.system(), System.out::println,
          label -> (sent, included, failed, total) -> { });
      System.out.print(comparison.toText());
      for (BenchComparison.Node node : comparison.nodes()) {
        BenchReportAssertions.consistent(node.report(), TRANSACTIONS);
      }
      // CREATE(dev account 0, nonce 0): the first contract address every Hardhat and Foundry
      // tutorial shows, so the funder deployed from the same nonce on both.
      assertEquals("0x5fbdb2315678afecb367f032d93f642f64180aa3", comparison.token().toLowerCase(java.util.Locale.ROOT));
      String codeOnA = code(a.rpcUrl(), comparison.token());
      assertNotEquals("0x", codeOnA, "the token is deployed at " + comparison.token());
      assertEquals(codeOnA, code(b.rpcUrl(), comparison.token()), "the same token at the same address on B");
    }
  }

  @Test
  void aFunderNonceThatDiffersIsRefusedBeforeDeploying() throws Exception {
    Path artifact = Erc20InteropProject.artifact(Erc20InteropProject.prepare());
    try (XinlianDevEndpoint a = XinlianDevEndpoint.start(); XinlianDevEndpoint b = XinlianDevEndpoint.start()) {
      // A small transfer bench on B alone: the funder pays for two senders there, not on A.
      BenchConfig onlyB = new BenchConfig(URI.create(b.rpcUrl()), BenchConfig.Workload.TRANSFER, 4, 0, 1, 2, 2,
          64, 60, "bench-erc20-only-b", Optional.empty());
      BenchReportAssertions.consistent(BenchRun.run(onlyB, CryptoSuites.standard(), DevChain.privateKey(0),
          Clock.system(), line -> { }, (sent, included, failed, total) -> { }), 4);
      String headOfA = head(a.rpcUrl());

      BenchConfig config = new BenchConfig(URI.create(a.rpcUrl()), BenchConfig.Workload.ERC20,
          TRANSACTIONS, 0, 2, 4, 5, 64, 120, "bench-erc20-refused", Optional.of(artifact));
      BenchException refused = assertThrows(BenchException.class, () -> BenchRun.compare(config,
          URI.create(b.rpcUrl()), CryptoSuites.standard(), DevChain.privateKey(0), Clock.system(), line -> { },
          label -> (sent, included, failed, total) -> { }));
      assertTrue(refused.getMessage().contains("nonce is 0 on node A but 2 on node B"), refused.getMessage());
      assertTrue(refused.getMessage().contains("the token's address derives from it"), refused.getMessage());
      assertEquals(headOfA, head(a.rpcUrl()), "nothing was deployed on A");
    }
  }

  private static String code(String rpc, String address) {
    try (JsonRpcClient client = new JsonRpcClient(URI.create(rpc), 1)) {
      return client.call("eth_getCode", address, "latest").asText();
    }
  }

  private static String head(String rpc) {
    try (JsonRpcClient client = new JsonRpcClient(URI.create(rpc), 1)) {
      return client.call("eth_blockNumber").asText();
    }
  }
}
