package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.types.block.Block;

/**
 * NODE-12: bulk block sync between two ledgers of one chain: the source commits certified blocks
 * with transactions, the lagging one fetches them in batches, verifies each certificate,
 * re-executes and commits, and refuses forged certificates, substituted bodies and far heads
 * claimed by too few validators.
 */
class BlockSyncTest {
  private static final int LAG = 3;
  private final CryptoSuite suite = CryptoSuites.standard();
  private final List<KeyPair> keys = TestLedger.keys(suite, 4);
  private final KeyPair sender = suite.generateKeyPair(new java.security.SecureRandom());
  private TestLedger source;
  private TestLedger target;
  private BlockSync sync;

  @BeforeEach
  void chains() {
    source = new TestLedger(suite, keys, sender);
    target = new TestLedger(suite, keys, sender);
    for (int i = 0; i < 10; i++) {
      assertTrue(source.pool.add(source.transfer(i)).accepted());
      assertEquals(1, source.commitNext().transactions().size());
    }
    sync = new BlockSync(target.application, suite, LAG);
  }

  @AfterEach
  void close() {
    source.close();
    target.close();
  }

  private void announce(long head, int... validators) {
    for (int validator : validators) {
      sync.onStatus(source.validator(validator), head);
    }
  }

  private List<CommittedBlock> served(long from, int count) {
    List<CommittedBlock> blocks = new ArrayList<>();
    for (long height = from; height < from + count; height++) {
      source.application.committedBlock(height).ifPresent(blocks::add);
    }
    return blocks;
  }

  @Test
  void laggingLedgerFetchesVerifiesAndReExecutes() {
    announce(10, 1, 2, 3);
    BlockSync.Request request = sync.poll(0).orElseThrow();
    assertTrue(sync.active());
    assertEquals(1, request.message().from());
    assertEquals(10, request.message().count());
    assertEquals(10, sync.onBlocks(request.peer(), served(1, 10)));
    assertEquals(source.blocks.headHash(), target.blocks.headHash());
    // The certificate each block arrived with is stored with it and served from here in turn.
    for (long height = 1; height <= 10; height++) {
      CommittedBlock stored = target.application.committedBlock(height).orElseThrow();
      assertEquals(source.application.committedBlock(height).orElseThrow().certificate(), stored.certificate());
      assertTrue(stored.certificate().verifyFor(stored.block().header(), target.validators, suite).isValid());
    }
    assertEquals(Optional.empty(), sync.poll(1));
    assertFalse(sync.active(), "caught up: the engine takes over again");
    assertEquals(10, sync.blocksSynced());
  }

  @Test
  void forgedCertificateIsRefusedAndThePeerDropped() {
    announce(10, 1, 2, 3);
    BlockSync.Request request = sync.poll(0).orElseThrow();
    List<CommittedBlock> blocks = served(1, 10);
    Block first = blocks.get(0).block();
    // Three seals of four validators are a quorum; one of them by an outsider is not.
    List<KeyPair> signers = new ArrayList<>(keys.subList(0, 2));
    signers.add(suite.generateKeyPair(new java.security.SecureRandom()));
    blocks.set(0, new CommittedBlock(first, source.certificate(first, signers)));
    assertEquals(0, sync.onBlocks(request.peer(), blocks));
    assertEquals(0, target.application.head().number());
    assertEquals(1, sync.blocksRefused());
    assertEquals(Optional.empty(), sync.peerHead(request.peer()));
  }

  @Test
  void substitutedBodyIsRefused() {
    announce(10, 1, 2, 3);
    BlockSync.Request request = sync.poll(0).orElseThrow();
    List<CommittedBlock> blocks = served(1, 10);
    CommittedBlock first = blocks.get(0);
    // The certified header with another body: the transactions root no longer matches.
    blocks.set(0, new CommittedBlock(new Block(first.block().header(), List.of()), first.certificate()));
    assertEquals(0, sync.onBlocks(request.peer(), blocks));
    assertEquals(0, target.application.head().number());
    assertEquals(1, sync.blocksRefused());
  }

  @Test
  void oneValidatorClaimingAFarHeadDoesNotPauseConsensus() {
    // f = 1 of 4: a sync needs two validators past the lag, so one Byzantine claim is not enough.
    announce(1_000_000, 1);
    announce(1, 2, 3);
    assertEquals(Optional.empty(), sync.poll(0));
    assertFalse(sync.active());
    announce(10, 2);
    assertTrue(sync.poll(0).isPresent());
    assertTrue(sync.active());
  }

  @Test
  void answersNobodyAskedForAreIgnoredAndSilentPeersReplaced() {
    announce(10, 1, 2, 3);
    BlockSync.Request first = sync.poll(0).orElseThrow();
    Address other = source.validator(first.peer().equals(source.validator(1)) ? 2 : 1);
    assertEquals(0, sync.onBlocks(other, served(1, 10)));
    assertEquals(0, target.application.head().number());
    assertEquals(Optional.empty(), sync.poll(TimeUnit.MILLISECONDS.toNanos(BlockSync.REQUEST_TIMEOUT_MS - 1)));
    BlockSync.Request second = sync.poll(TimeUnit.MILLISECONDS.toNanos(BlockSync.REQUEST_TIMEOUT_MS)).orElseThrow();
    assertFalse(second.peer().equals(first.peer()), "the silent peer is not asked again");
    assertEquals(10, sync.onBlocks(second.peer(), served(1, 10)));
  }

  /**
   * NODE-12 with docs/adr/0009: block 11 records a change (validator 3 out, a newcomer in) from
   * height 14; the source's blocks from 14 carry seals of the new set. A lagging ledger derives the
   * sets itself while it re-executes, so it accepts every block, and refuses a block of height 14
   * sealed by the old quorum (validator 3 included).
   */
  @Test
  void syncAcrossAValidatorChangeChecksEachHeightAgainstItsSet() {
    KeyPair newcomer = suite.generateKeyPair(new java.security.SecureRandom());
    List<KeyPair> newKeys = List.of(keys.get(0), keys.get(1), keys.get(2), newcomer);
    List<Address> next = new ArrayList<>(newKeys.stream().map(key -> suite.address(key.publicKey())).toList());
    next.sort(null);
    assertTrue(source.pool.add(source.governance(10, new ValidatorEpoch(1, 14, next), keys.subList(0, 3))).accepted());
    assertEquals(1, source.commitNext().transactions().size());
    source.commitNext();
    source.commitNext();
    List<KeyPair> newQuorum = List.of(keys.get(0), newcomer, keys.get(1));
    for (int height = 14; height <= 16; height++) {
      source.commitNext(newQuorum);
    }
    assertEquals(16, source.application.head().number());

    announce(16, 1, 2, 3);
    BlockSync.Request request = sync.poll(0).orElseThrow();
    assertEquals(16, sync.onBlocks(request.peer(), served(1, 16)));
    assertEquals(source.blocks.headHash(), target.blocks.headHash());
    assertEquals(source.application.validatorSet(17), target.application.validatorSet(17));

    try (TestLedger other = new TestLedger(suite, keys, sender)) {
      BlockSync otherSync = new BlockSync(other.application, suite, LAG);
      for (int validator : new int[] {1, 2, 3}) {
        otherSync.onStatus(source.validator(validator), 16);
      }
      BlockSync.Request otherRequest = otherSync.poll(0).orElseThrow();
      List<CommittedBlock> blocks = served(1, 16);
      Block fourteenth = blocks.get(13).block();
      blocks.set(13, new CommittedBlock(fourteenth, source.certificate(fourteenth, keys.subList(1, 4))));
      assertEquals(13, otherSync.onBlocks(otherRequest.peer(), blocks));
      assertEquals(13, other.application.head().number());
      assertEquals(1, otherSync.blocksRefused());
    }
  }
}
