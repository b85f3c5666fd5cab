package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.Timeout;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.network.NodeId;
import org.xinlian.network.Transport;
import org.xinlian.network.TransportMetrics;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockCodec;

/**
 * NODE-10: the driver carries out an engine's actions in order (the write-ahead state durable
 * before the broadcast that follows it), delivers timers, holds the proposal until transactions
 * are pending, and bounds its queue of network events.
 */
class ConsensusDriverTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  private final TestLedger ledger = new TestLedger(suite, TestLedger.keys(suite, 4),
      suite.generateKeyPair(new SecureRandom()));
  private final Path directory = temporaryDirectory();
  private final WriteAheadStateFile stateFile = new WriteAheadStateFile(directory);
  private final RecordingTransport transport = new RecordingTransport();
  private final List<ConsensusEvent> events = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private ConsensusDriver driver;

  private static Path temporaryDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("driver-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An engine that answers Start with a script of actions and records every event. */
  private ConsensusEngine scripted(List<ConsensusAction> onStart) {
    return scripted(onStart, event -> List.of());
  }

  /** As {@link #scripted(List)}, answering later events with {@code then}. */
  private ConsensusEngine scripted(List<ConsensusAction> onStart,
      java.util.function.Function<ConsensusEvent, List<ConsensusAction>> then) {
    return new ConsensusEngine() {
      @Override
      public List<ConsensusAction> handle(ConsensusEvent event) {
        events.add(event);
        return event instanceof ConsensusEvent.Start ? onStart : then.apply(event);
      }

      @Override
      public EngineStatus status() {
        return new EngineStatus(1, 0, OptionalInt.empty(), true, 0, 0, events.size(), Map.of(), 0);
      }
    };
  }

  /** Records broadcasts with the write-ahead state on disk at the moment each was sent. */
  private final class RecordingTransport implements Transport {
    final List<byte[]> broadcasts = new CopyOnWriteArrayList<>();
    final List<byte[]> stateAtBroadcast = new CopyOnWriteArrayList<>();

    @Override
    public NodeId localId() {
      return new NodeId(ledger.validator(0));
    }

    @Override
    public void start() {}

    @Override
    public boolean send(NodeId peer, int channel, byte[] payload) {
      return true;
    }

    @Override
    public int broadcast(int channel, byte[] payload) {
      if (channel == P2pChannels.CONSENSUS) {
        stateAtBroadcast.add(stateFile.read().orElse(new byte[0]));
        broadcasts.add(payload);
      }
      return 0;
    }

    @Override
    public Set<NodeId> connectedPeers() {
      return Set.of();
    }

    @Override
    public TransportMetrics metrics() {
      return new TransportMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
    }

    @Override
    public void close() {}
  }

  private ConsensusDriver driver(List<ConsensusAction> onStart) {
    return driver(scripted(onStart));
  }

  private ConsensusDriver driver(ConsensusEngine engine) {
    MessageCodec codec = MessageCodec.of(suite);
    driver = new ConsensusDriver(persisted -> engine, ledger.application, transport,
        1 << 20, stateFile, new BlockSync(ledger.application, suite, 16),
        new BlockServer(ledger.application, transport, 1 << 20, codec, BlockCodec.of(suite)),
        ledger.pool, ledger.clock, 0, 60_000, failures::add);
    return driver;
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
    ledger.close();
    for (String name : List.of(WriteAheadStateFile.FILE_NAME, WriteAheadStateFile.FILE_NAME + ".partial")) {
      directory.resolve(name).toFile().delete();
    }
    directory.toFile().delete();
  }

  @Test
  void theWriteAheadStateIsDurableBeforeTheBroadcastAfterIt() throws Exception {
    byte[] state = {1, 2, 3};
    byte[] vote = {9};
    driver(List.of(new ConsensusAction.PersistState(state), new ConsensusAction.Broadcast(vote),
        new ConsensusAction.ScheduleTimeout(new Timeout(1, 0, TimeoutStep.ROUND), 1))).start();
    await(() -> events.stream().anyMatch(event -> event instanceof ConsensusEvent.TimeoutElapsed));
    assertArrayEquals(vote, transport.broadcasts.get(0));
    assertArrayEquals(state, transport.stateAtBroadcast.get(0));
    assertEquals(new ConsensusEvent.TimeoutElapsed(new Timeout(1, 0, TimeoutStep.ROUND)), events.get(1));
  }

  @Test
  void theProposalWaitsForATransactionNotForTheEmptyBlockInterval() throws Exception {
    Timeout propose = new Timeout(1, 0, TimeoutStep.PROPOSAL_DELAY);
    // An hour's wait for an empty block: only a pending transaction can release it in this test.
    driver(List.of(new ConsensusAction.ScheduleTimeout(propose, 3_600_000))).start();
    assertTrue(ledger.pool.add(ledger.transfer(0)).accepted());
    driver.onTransactionPending();
    await(() -> events.contains(new ConsensusEvent.TimeoutElapsed(propose)));
  }

  @Test
  void networkEventsBeyondTheQueueBoundAreDroppedAndCounted() {
    driver(List.of());
    NodeId peer = new NodeId(ledger.validator(1));
    for (int i = 0; i < ConsensusDriver.NETWORK_EVENTS_QUEUED_MAX + 5; i++) {
      driver.onConsensusMessage(peer, new byte[] {1});
    }
    assertEquals(5, driver.queueDropped());
  }

  /**
   * CONSENSUS-20: application work runs on the execution thread and comes back as events: the
   * engine asks for a block, gets it built, asks for it to be checked and committed, and hears
   * that it is durable.
   */
  @Test
  void applicationWorkIsAnsweredWithEvents() throws Exception {
    assertTrue(ledger.pool.add(ledger.transfer(0)).accepted());
    ProposalRequest request = new ProposalRequest(1, 0, ledger.application.head().hash(suite), ledger.validator(0));
    driver(scripted(List.of(new ConsensusAction.BuildBlock(request)), event -> {
      if (event instanceof ConsensusEvent.BlockBuilt built) {
        Block block = built.block();
        return List.of(new ConsensusAction.ExecuteBlock(block, block.hash(suite)),
            new ConsensusAction.CommitBlock(new CommittedBlock(block,
                ledger.certificate(block, ledger.validatorKeys))));
      }
      return List.of();
    })).start();
    await(() -> events.stream().anyMatch(event -> event instanceof ConsensusEvent.BlockCommitted));
    ConsensusEvent.BlockBuilt built = (ConsensusEvent.BlockBuilt) events.get(1);
    assertEquals(1, built.block().transactions().size());
    ConsensusEvent.BlockExecuted executed = (ConsensusEvent.BlockExecuted) events.get(2);
    assertTrue(executed.verdict().accepted(), executed.verdict().toString());
    ConsensusEvent.BlockCommitted committed = (ConsensusEvent.BlockCommitted) events.get(3);
    assertEquals(built.block().hash(suite), committed.blockHash());
    assertEquals(1, ledger.application.head().number());
    assertTrue(failures.isEmpty());
  }

  /** NODE-17: a failure of application work stops the driver and is reported once. */
  @Test
  void aFailedCommitStopsTheDriverAndIsReported() throws Exception {
    Block stranger = ledger.application.prepareProposal(new ProposalRequest(1, 0,
        ledger.application.head().hash(suite), ledger.validator(0)));
    ledger.store.close();
    driver(List.of(new ConsensusAction.CommitBlock(new CommittedBlock(stranger,
        ledger.certificate(stranger, ledger.validatorKeys))))).start();
    await(() -> driver.failure() != null);
    await(() -> failures.size() == 1);
    assertEquals(driver.failure(), failures.get(0));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(5);
    }
  }
}
