package org.xinlian.node.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xinlian.common.Address;
import org.xinlian.consensus.CertificateVerdict;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.InvalidBlockException;
import org.xinlian.types.block.BlockHeader;

/**
 * Block sync for a node far behind (docs/spec/node.md NODE-12): it learns its peers' heads from
 * their status announcements, and while some peer is more than {@code lagHeightsMin} heights
 * ahead it asks one peer at a time for batches of committed blocks, checks each block's commit
 * certificate against the validator set of its height, re-executes and commits it, and asks for
 * the next batch. The engine is paused meanwhile (it would otherwise hold a stale view of the
 * head); once no peer is more than {@link #EXIT_LAG_HEIGHTS} ahead the driver starts a fresh
 * engine, whose own catch-up (CONSENSUS-12) covers the last heights.
 *
 * <p>Owned by the driver's thread: no method is thread-safe. A peer that answers with a block
 * that does not verify, or does not answer in time, is not asked again until it announces a head
 * again.
 */
final class BlockSync {
  /** Default lag that starts a bulk sync: beyond it the engine's one-block catch-up is slow. */
  static final int LAG_HEIGHTS_MIN_DEFAULT = 16;
  /** Sync ends when no peer is further ahead than this; the engine catches up the rest. */
  static final int EXIT_LAG_HEIGHTS = 2;
  /** How long a peer has to answer a request before another is asked. */
  static final long REQUEST_TIMEOUT_MS = 5_000;
  /** Peers whose heads are tracked: every validator of the largest set and as many followers. */
  static final int PEERS_TRACKED_MAX = 2 * ValidatorSet.VALIDATORS_MAX;

  private static final System.Logger LOG = System.getLogger(BlockSync.class.getName());

  /** A request to send. */
  record Request(Address peer, SyncMessage.GetBlocks message) {}

  private record Outstanding(Address peer, long from, long deadlineNanos) {}

  private final ExecutionApplication application;
  private final CryptoSuite suite;
  private final int lagHeightsMin;
  private final Map<Address, Long> peerHeads = new HashMap<>();
  private Outstanding outstanding;
  private boolean active;
  private int rotation;
  private volatile long blocksSynced;
  private volatile long blocksRefused;

  BlockSync(ExecutionApplication application, CryptoSuite suite, int lagHeightsMin) {
    if (lagHeightsMin < EXIT_LAG_HEIGHTS) {
      throw new IllegalArgumentException("lagHeightsMin: must be at least " + EXIT_LAG_HEIGHTS);
    }
    this.application = application;
    this.suite = suite;
    this.lagHeightsMin = lagHeightsMin;
  }

  void onStatus(Address peer, long head) {
    if (peerHeads.size() < PEERS_TRACKED_MAX || peerHeads.containsKey(peer)) {
      peerHeads.put(peer, head);
    }
  }

  void onPeerGone(Address peer) {
    peerHeads.remove(peer);
    if (outstanding != null && outstanding.peer().equals(peer)) {
      outstanding = null;
    }
  }

  /** Whether a bulk sync is running (the engine is paused). */
  boolean active() {
    return active;
  }

  long blocksSynced() {
    return blocksSynced;
  }

  long blocksRefused() {
    return blocksRefused;
  }

  /**
   * Decides whether to sync now and what to ask for: a request when syncing and none is
   * outstanding (or the outstanding one timed out). Starts and ends a sync by the peers' heads.
   */
  Optional<Request> poll(long nowNanos) {
    long head = application.head().number();
    long best = provenHead(head);
    if (!active && best > head + lagHeightsMin) {
      active = true;
      LOG.log(System.Logger.Level.INFO, "block sync: at height {0}, validators at {1}", head, best);
    } else if (active && best <= head + EXIT_LAG_HEIGHTS) {
      active = false;
      outstanding = null;
      LOG.log(System.Logger.Level.INFO, "block sync: done at height {0}", head);
    }
    if (!active) {
      return Optional.empty();
    }
    if (outstanding != null) {
      if (nowNanos - outstanding.deadlineNanos() < 0) {
        return Optional.empty();
      }
      // No answer in time: forget what it claimed, so the next request goes elsewhere.
      peerHeads.remove(outstanding.peer());
      outstanding = null;
    }
    List<Address> ahead = new ArrayList<>();
    peerHeads.forEach((peer, peerHead) -> {
      if (peerHead > head) {
        ahead.add(peer);
      }
    });
    if (ahead.isEmpty()) {
      return Optional.empty();
    }
    ahead.sort(null);
    Address peer = ahead.get(Math.floorMod(rotation++, ahead.size()));
    int count = (int) Math.min(SyncMessage.BATCH_BLOCKS_MAX, peerHeads.get(peer) - head);
    outstanding = new Outstanding(peer, head + 1,
        nowNanos + TimeUnit.MILLISECONDS.toNanos(REQUEST_TIMEOUT_MS));
    return Optional.of(new Request(peer, new SyncMessage.GetBlocks(head + 1, count)));
  }

  /**
   * The head that at least one honest validator has reached: the (f + 1)-th highest head that
   * validators announced, f being the most faulty validators the set tolerates. So up to f
   * Byzantine validators claiming a far head cannot pause this node's engine; the node's own
   * head when too few validators announced one.
   */
  private long provenHead(long head) {
    ValidatorSet validators = application.validatorSet(head + 1);
    int faulty = (validators.size() - 1) / 3;
    List<Long> heads = new ArrayList<>();
    peerHeads.forEach((peer, peerHead) -> {
      if (validators.contains(peer)) {
        heads.add(peerHead);
      }
    });
    if (heads.size() <= faulty) {
      return head;
    }
    heads.sort(java.util.Comparator.reverseOrder());
    return Math.max(head, heads.get(faulty));
  }

  /**
   * Commits the answered blocks that extend the head, each after its certificate verifies
   * against its height's validator set and it re-executes to its header's roots. Answers nobody
   * asked for are ignored; at the first bad block the peer is dropped from the candidates.
   *
   * @return the blocks committed
   */
  int onBlocks(Address peer, List<CommittedBlock> blocks) {
    if (outstanding == null || !outstanding.peer().equals(peer)) {
      return 0;
    }
    outstanding = null;
    int committed = 0;
    for (CommittedBlock decided : blocks) {
      BlockHeader parent = application.head();
      long height = parent.number() + 1;
      BlockHeader header = decided.block().header();
      if (header.number() != height || !header.parentHash().equals(parent.hash(suite))) {
        // Blocks below the head (a race with an earlier answer) are skipped; a gap ends the batch.
        if (header.number() > height) {
          break;
        }
        continue;
      }
      CertificateVerdict verdict = decided.certificate()
          .verifyFor(header, application.validatorSet(height), suite);
      if (!verdict.isValid()) {
        refuse(peer, height, "its certificate does not verify: "
            + verdict.problem().map(Enum::name).orElse("") + " " + verdict.detail());
        break;
      }
      try {
        application.finalizeBlock(decided.block());
      } catch (InvalidBlockException e) {
        // A quorum certified the header, so the body sent with it was not the certified one.
        refuse(peer, height, e.getMessage());
        break;
      }
      application.commit(decided.block(), decided.certificate());
      blocksSynced++;
      committed++;
    }
    if (committed == 0) {
      // Nothing usable: do not ask this peer again until it announces its head again.
      peerHeads.remove(peer);
    }
    return committed;
  }

  private void refuse(Address peer, long height, String why) {
    blocksRefused++;
    peerHeads.remove(peer);
    LOG.log(System.Logger.Level.WARNING, "block sync: refused block {0} from {1}: {2}", height, peer, why);
  }

  /** For tests and metrics: the head a peer last announced. */
  Optional<Long> peerHead(Address peer) {
    return Optional.ofNullable(peerHeads.get(peer));
  }
}
