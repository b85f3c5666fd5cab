package org.xinlian.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommitOutcome;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.Transaction;

/**
 * A node's persistent storage in the simulator: the committed chain with each block's state and
 * the validator set history. It survives a simulated crash (the application object in front of
 * it does not), as a RocksDB directory survives a process kill.
 */
public final class KeyValueLedger {
  /** One committed block, its certificate attached to the header, with the state after it. */
  public record Entry(Block block, KeyValueState state, Hash stateRoot) {}

  private final Address node;
  private final CryptoSuite suite;
  private final List<Entry> chain = new ArrayList<>();
  private final TreeMap<Long, ValidatorSet> validatorSets = new TreeMap<>();
  private final ValidatorScript script;
  private final CommitListener listener;

  public KeyValueLedger(Address node, CryptoSuite suite, ValidatorScript script,
      CommitListener listener) {
    this.node = Objects.requireNonNull(node, "node");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.script = Objects.requireNonNull(script, "script");
    this.listener = Objects.requireNonNull(listener, "listener");
    KeyValueState empty = KeyValueState.empty();
    Hash root = empty.root(suite);
    chain.add(new Entry(genesisBlock(suite, root), empty, root));
    validatorSets.put(0L, script.genesis());
  }

  /** The genesis every node of a run shares. */
  public static Block genesisBlock(CryptoSuite suite, Hash emptyStateRoot) {
    BlockHeader header = new BlockHeader(Hash.ZERO, 0, 0, Address.ZERO, emptyStateRoot,
        transactionsRoot(suite, List.of()), Hash.ZERO, LogsBloom.EMPTY, 0, 0, new byte[0],
        new byte[0]);
    return new Block(header, List.of());
  }

  /** The simulated application's transactions root: the hash of the list of transaction hashes. */
  public static Hash transactionsRoot(CryptoSuite suite, List<Transaction> transactions) {
    RlpWriter writer = new RlpWriter(32 + transactions.size() * 33);
    writer.startList();
    for (Transaction transaction : transactions) {
      writer.writeBytes(transaction.hash(suite).toArray());
    }
    return suite.hashOf(writer.endList().toByteArray());
  }

  public long height() {
    return chain.size() - 1;
  }

  public Entry head() {
    return chain.get(chain.size() - 1);
  }

  public Entry at(long height) {
    return chain.get((int) height);
  }

  /** The validators of {@code height}; known up to two heights past the head. */
  public ValidatorSet validatorSet(long height) {
    Invariants.check(height <= height() + 2, "validator set of %d asked with head %d", height,
        height());
    return validatorSets.floorEntry(height).getValue();
  }

  /**
   * Persists a block atomically with its state; a scripted validator change at this height is
   * recorded for the height two above and reported to the engine.
   */
  public CommitOutcome append(Block block, CommitCertificate certificate, KeyValueState state) {
    long height = block.header().number();
    Invariants.check(height == height() + 1, "block %d appended at head %d", height, height());
    Block stored = new Block(
        block.header().withCommitCertificate(certificate.encode(suite)), block.transactions());
    Hash root = state.root(suite);
    chain.add(new Entry(stored, state, root));
    listener.committed(node, stored, certificate, root);
    ValidatorSet change = script.changes().get(height);
    if (change == null) {
      return CommitOutcome.unchanged();
    }
    validatorSets.put(height + 2, change);
    return CommitOutcome.changedTo(change);
  }

  /** The genesis set and the scripted changes of a run, keyed by the height that reports them. */
  public record ValidatorScript(ValidatorSet genesis, Map<Long, ValidatorSet> changes) {
    public ValidatorScript {
      Objects.requireNonNull(genesis, "genesis");
      changes = Map.copyOf(changes);
    }

    /** The set that governs {@code height} under this script (changes take effect two heights later). */
    public ValidatorSet at(long height) {
      ValidatorSet set = genesis;
      for (long reported : new TreeMap<>(changes).keySet()) {
        if (reported + 2 <= height) {
          set = changes.get(reported);
        }
      }
      return set;
    }
  }
}
