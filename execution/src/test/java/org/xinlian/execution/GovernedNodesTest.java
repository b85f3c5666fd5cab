package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.GovernanceContractTest.abi;
import static org.xinlian.execution.GovernanceContractTest.propose;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.GovernanceRecords.Node;
import org.xinlian.execution.governance.NodeRole;
import org.xinlian.execution.governance.ProposalKind;

/**
 * {@code ExecutionPort.governedNodes()}, what P2P membership follows (docs/spec/governance.md
 * GOV-14, docs/spec/network.md NETWORK-22, docs/spec/node.md NODE-23): the head state's nodes with
 * their roles on a permissioned chain, nothing on an open one.
 */
class GovernedNodesTest {
  /** Signature recovery runs here; never started by these tests' reads, daemon if it is. */
  private static final java.util.concurrent.Executor DAEMON = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "governed-nodes-test");
    thread.setDaemon(true);
    return thread;
  });

  @TempDir Path directory;

  @Test
  void anOpenChainListsNoNodes() throws Exception {
    GenesisConfig open = TestNode.writeAndLoad(directory,
        TestNode.genesisJson("standard", "zero-price", BigInteger.TEN.pow(18), ""));
    try (TestNode node = TestNode.inMemory(open, DAEMON)) {
      assertTrue(node.port.governedNodes().isEmpty());
    }
  }

  /**
   * GOV-14: the genesis nodes first; an observer added by proposal appears with its role at the
   * commit that executed it, and as removed after its removal; a block that leaves the governance
   * storage alone keeps the same list; a node opened again on the same store reads the same.
   */
  @Test
  void theHeadsNodesFollowProposalsAndSurviveARestart() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      Node validator = new Node(chain.address(9), "org1", NodeRole.VALIDATOR);
      assertEquals(List.of(validator), chain.a.port.governedNodes().orElseThrow());
      List<Node> before = chain.a.port.governedNodes().orElseThrow();
      chain.produce(List.of());
      assertSame(before, chain.a.port.governedNodes().orElseThrow(), "read again though nothing changed");

      chain.passed(propose(ProposalKind.ADD_OBSERVER, abi(chain.address(7)), "org2"));
      assertEquals(List.of(validator, new Node(chain.address(7), "org2", NodeRole.OBSERVER)),
          chain.a.port.governedNodes().orElseThrow());
      chain.passed(propose(ProposalKind.REMOVE_NODE, abi(chain.address(7))));
      List<Node> after = List.of(validator, new Node(chain.address(7), "org2", NodeRole.REMOVED));
      assertEquals(after, chain.a.port.governedNodes().orElseThrow());
      assertEquals(after, chain.b.port.governedNodes().orElseThrow());
      assertEquals(chain.state().nodes(), after);

      TestNode restarted = new TestNode(chain.a.store, chain.genesis, DAEMON);
      assertEquals(after, restarted.port.governedNodes().orElseThrow());
    }
  }
}
