package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.feature.FeatureSchedule;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

/**
 * The protocol feature schedule in execution (docs/spec/operations.md OPS-80 to OPS-83): a feature
 * named in genesis or by a SCHEDULE_FEATURE proposal is in force from exactly its height on every
 * node; a release that lacks a scheduled feature stops before its height instead of forking.
 */
class ProtocolFeatureScheduleTest {
  private static final String DIGEST = "header-feature-digest";
  private static final long ACTIVATION = 3;
  private static final byte[] CERTIFICATE = {1};

  @TempDir Path directory;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private GenesisConfig genesis(String features) throws Exception {
    String json = TestNode.genesisJson("standard", "zero-price", BigInteger.TEN, "");
    return TestNode.writeAndLoad(directory, json.substring(0, json.lastIndexOf('}'))
        + ", \"features\": " + features + "}\n");
  }

  private static Block produce(TestNode proposer, TestNode... validators) {
    Block block = proposer.port.prepareProposal(proposer.request(List.of())).block();
    proposer.port.commit(proposer.port.finalizeBlock(block), CERTIFICATE);
    for (TestNode validator : validators) {
      ProposalVerdict verdict = validator.port.processProposal(block, block.header().timestamp());
      assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
      validator.port.commit(validator.port.finalizeBlock(block), CERTIFICATE);
    }
    return block;
  }

  private static byte[] schedule(String feature, long activationHeight) {
    return GovernanceContractTest.propose(ProposalKind.SCHEDULE_FEATURE, feature, BigInteger.valueOf(activationHeight));
  }

  private static BlockHeader withExtraData(BlockHeader h, byte[] extraData) {
    return new BlockHeader(h.parentHash(), h.number(), h.timestamp(), h.proposer(), h.stateRoot(),
        h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.gasUsed(), h.gasLimit(), extraData,
        h.commitCertificate());
  }

  /**
   * OPS-80, OPS-83: with header-feature-digest at height 3 in genesis, blocks 1 and 2 carry no
   * extra data and blocks 3 and 4 the suite hash of "header-feature-digest"; a validator accepts
   * them, refuses a block at height 3 without the digest, and before height 3 checks nothing.
   */
  @Test
  void aGenesisFeatureSwitchesAtExactlyItsHeight() throws Exception {
    GenesisConfig genesis = genesis("{\"" + DIGEST + "\": " + ACTIVATION + "}");
    assertEquals(java.util.Map.of(DIGEST, ACTIVATION), genesis.features());
    try (TestNode proposer = TestNode.inMemory(genesis, executor);
        TestNode validator = TestNode.inMemory(genesis, executor)) {
      Block first = proposer.port.prepareProposal(proposer.request(List.of())).block();
      Block marked = new Block(withExtraData(first.header(), new byte[] {7}), first.transactions());
      assertTrue(validator.port.processProposal(marked, marked.header().timestamp()).accepted(),
          "before its height extraData is unchecked");
      List<byte[]> extraData = new ArrayList<>();
      for (long height = 1; height <= 4; height++) {
        if (height == ACTIVATION) {
          Block proposed = proposer.port.prepareProposal(proposer.request(List.of())).block();
          Block stripped = new Block(withExtraData(proposed.header(), new byte[0]), proposed.transactions());
          ProposalVerdict verdict = validator.port.processProposal(stripped, stripped.header().timestamp());
          assertFalse(verdict.accepted());
          assertTrue(verdict.rejection().orElseThrow().startsWith("extraData: 0x but the features in force at "
              + "height 3 (header-feature-digest) give 0x"), verdict.rejection().orElseThrow());
        }
        extraData.add(produce(proposer, validator).header().extraData());
      }
      byte[] digest = proposer.suite.hash(DIGEST.getBytes(StandardCharsets.US_ASCII));
      assertArrayEquals(new byte[0], extraData.get(0));
      assertArrayEquals(new byte[0], extraData.get(1));
      assertArrayEquals(digest, extraData.get(2));
      assertArrayEquals(digest, extraData.get(3));
    }
  }

  /** OPS-80: the genesis refuses a feature this release does not know, or a height below 1, naming it. */
  @Test
  void genesisRefusesUnknownFeaturesAndBadHeights() {
    DecodingException unknown = assertThrows(DecodingException.class, () -> genesis("{\"warp-drive\": 5}"));
    assertTrue(unknown.getMessage().contains("features.warp-drive"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("not a protocol feature this release knows (" + DIGEST + ")"),
        unknown.getMessage());
    DecodingException zero = assertThrows(DecodingException.class, () -> genesis("{\"" + DIGEST + "\": 0}"));
    assertTrue(zero.getMessage().contains("features." + DIGEST) && zero.getMessage().contains("is not 1 to"),
        zero.getMessage());
    assertThrows(DecodingException.class, () -> genesis("[]"));
  }

  /**
   * OPS-82: a release that does not implement a scheduled feature executes every block below its
   * height, then refuses to build, check or even start at it, naming the feature and the height.
   */
  @Test
  void anOlderReleaseStopsBeforeAFeatureItLacks() throws Exception {
    GenesisConfig genesis = genesis("{\"" + DIGEST + "\": " + ACTIVATION + "}");
    try (TestNode current = TestNode.inMemory(genesis, executor);
        KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL)) {
      org.xinlian.execution.genesis.Genesis.initialize(genesis, store);
      StateDatabase states = new StateDatabase(store, current.suite);
      BlockStore blocks = BlockStore.open(store, current.suite);
      LedgerExecution older = new LedgerExecution(ExecutionSettings.of(genesis), store, states, blocks, executor,
          KnownTransactions.none(), Set.of());
      for (long height = 1; height < ACTIVATION; height++) {
        Block block = produce(current);
        assertTrue(older.processProposal(block, block.header().timestamp()).accepted());
        older.commit(older.finalizeBlock(block), CERTIFICATE);
      }
      Block atActivation = current.port.prepareProposal(current.request(List.of())).block();
      IllegalStateException checking = assertThrows(IllegalStateException.class,
          () -> older.processProposal(atActivation, atActivation.header().timestamp()));
      assertEquals("protocol feature \"" + DIGEST + "\" is in force from height 3 but this release does not "
          + "implement it (it knows: none); this node stops before height 3 rather than fork: install a "
          + "release that implements " + DIGEST + " and restart it", checking.getMessage());
      BlockHeader head = blocks.head().orElseThrow();
      IllegalStateException building = assertThrows(IllegalStateException.class,
          () -> older.prepareProposal(new ProposalRequest(3, head.hash(current.suite), head.timestamp() + 1,
              TestNode.address(current.suite, 9), List.of(), TestNode.NO_LIMITS)));
      assertEquals(checking.getMessage(), building.getMessage());
      IllegalStateException starting = assertThrows(IllegalStateException.class,
          () -> new LedgerExecution(ExecutionSettings.of(genesis), store, states, blocks, executor,
              KnownTransactions.none(), Set.of()));
      assertEquals(checking.getMessage(), starting.getMessage());
      assertEquals(2, blocks.head().orElseThrow().number(), "the older release committed nothing at height 3");
    }
  }

  /**
   * OPS-81: a SCHEDULE_FEATURE proposal puts a feature in force from its height on both nodes;
   * a second schedule of the name, a malformed name and a height under two blocks ahead are
   * refused naming the field; a well-formed name this release lacks is recorded, and this node
   * then stops before its height (OPS-82).
   */
  @Test
  void aGovernanceProposalSchedulesAFeature() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      long activation = chain.height() + 8;
      chain.passed(schedule(DIGEST, activation));
      assertEquals(List.of(new FeatureSchedule.Scheduled(DIGEST, activation)),
          FeatureSchedule.read(chain.a.states.stateAt(chain.a.head().stateRoot())).entries());
      chain.refused(0, schedule(DIGEST, activation + 5),
          "payload.feature: " + DIGEST + " is already scheduled at height " + activation);
      chain.refused(0, schedule("Warp_Drive", activation),
          "payload.feature: \"Warp_Drive\" is not 1 to 32 of a-z 0-9 - (starting with a-z 0-9)");
      long past = chain.height();
      String early = chain.reason(0, schedule("warp-drive", past));
      assertTrue(early.startsWith("payload.activationHeight: " + past + " is before "), early);
      assertFalse(chain.send(0, schedule("warp-drive", past)).success());
      while (chain.height() < activation - 1) {
        chain.produce(List.of());
        assertArrayEquals(new byte[0], chain.a.head().extraData());
      }
      chain.produce(List.of());
      assertArrayEquals(chain.suite.hash(DIGEST.getBytes(StandardCharsets.US_ASCII)), chain.a.head().extraData());
      assertEquals(activation, chain.a.head().number());
      long unknownAt = chain.height() + 6;
      chain.passed(schedule("warp-drive", unknownAt));
      while (chain.height() < unknownAt - 1) {
        chain.produce(List.of());
      }
      IllegalStateException stop = assertThrows(IllegalStateException.class,
          () -> chain.a.port.prepareProposal(chain.a.request(List.of())));
      assertTrue(stop.getMessage().startsWith("protocol feature \"warp-drive\" is in force from height "
          + unknownAt + " but this release does not implement it (it knows: " + DIGEST + ")"), stop.getMessage());
    }
  }
}
