package org.xinlian.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

class KeyValueApplicationTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  private final Scheduler clock = new Scheduler();

  private KeyValueApplication application(long seed) {
    ValidatorSet set = ValidatorSet.equalPower(List.of(Address.ZERO));
    KeyValueLedger ledger = new KeyValueLedger(Address.ZERO, suite,
        new KeyValueLedger.ValidatorScript(set, Map.of()), (node, block, certificate, root) -> { });
    return new KeyValueApplication(ledger, suite, clock, RandomSource.seeded(seed));
  }

  private Block proposal(KeyValueApplication application) {
    return application.prepareProposal(new ProposalRequest(1, 0,
        application.lastCommitted().blockHash(), Address.ZERO));
  }

  @Test
  @DisplayName("CONSENSUS-15: a block one node prepares is accepted by another and executes to its header's state root")
  void preparedBlocksAreValidElsewhere() {
    for (long seed = 1; seed <= 20; seed++) {
      Block block = proposal(application(seed));
      KeyValueApplication other = application(seed + 100);
      assertTrue(other.processProposal(block).accepted(), "seed " + seed);
      assertEquals(block.header().stateRoot(), other.finalizeBlock(block).stateRoot());
    }
  }

  @Test
  @DisplayName("CONSENSUS-15: a wrong state root, parent or transactions root is rejected with the field named")
  void badBlocksAreRejected() {
    KeyValueApplication application = application(3);
    Block good = proposal(application);
    BlockHeader h = good.header();
    Hash wrong = suite.hashOf(new byte[] {9});
    Block badRoot = new Block(new BlockHeader(h.parentHash(), h.number(), h.timestamp(), h.proposer(),
        wrong, h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), 0, 0, new byte[0], new byte[0]),
        good.transactions());
    Block badParent = new Block(new BlockHeader(wrong, h.number(), h.timestamp(), h.proposer(),
        h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), 0, 0, new byte[0],
        new byte[0]), good.transactions());
    Block badTransactions = new Block(new BlockHeader(h.parentHash(), h.number(), h.timestamp(),
        h.proposer(), h.stateRoot(), wrong, h.receiptsRoot(), h.logsBloom(), 0, 0, new byte[0],
        new byte[0]), good.transactions());
    assertTrue(application.processProposal(badRoot).rejection().orElseThrow().startsWith("stateRoot"));
    assertTrue(application.processProposal(badParent).rejection().orElseThrow().startsWith("parentHash"));
    assertTrue(application.processProposal(badTransactions).rejection().orElseThrow()
        .startsWith("transactionsRoot"));
  }
}
