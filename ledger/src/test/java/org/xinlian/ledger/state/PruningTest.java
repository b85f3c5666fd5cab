package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MissingNodeException;

/** STATE-9, STATE-10, STATE-11: history retention and safe, crash-safe pruning. */
class PruningTest {
  private static final int BLOCKS = 12;

  static List<TestStores.Factory> stores() {
    return TestStores.all();
  }

  /** A block that rewrites shared slots (creating garbage) and re-creates earlier values. */
  private static Hash commitBlock(KeyValueStore store, StateDatabase database, long number) {
    JournaledWorldState state = database.headState();
    for (int account = 0; account < 4; account++) {
      Address address = RandomWorkload.address(account);
      state.setBalance(address, UInt256.fromLong(number % 3 + account));
      for (int slot = 0; slot < 6; slot++) {
        state.setStorage(address, UInt256.fromLong(slot), UInt256.fromLong((number + slot) % 4));
      }
    }
    if (number % 4 == 3) {
      state.markForDeletion(RandomWorkload.address(2));
    }
    state.finishTransaction();
    try (WriteBatch batch = store.newBatch()) {
      StateCommit commit = database.commit(state, number, batch);
      store.write(batch);
      return commit.root();
    }
  }

  private static Set<Hash> retainedNodes(KeyValueStore store, StateDatabase database, List<Hash> roots, long keep) {
    Set<Hash> reachable = new HashSet<>();
    for (Hash root : roots.subList((int) Math.max(0, roots.size() - keep), roots.size())) {
      reachable.addAll(StateWalk.nodes(store, root, database.hashFunction(), database.emptyRoot()));
    }
    return reachable;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  @DisplayName("STATE-11 pruneIfDue runs once enough blocks are releasable, and never loses a retained state")
  void pruneIfDueRunsEveryFewBlocks(TestStores.Factory factory) {
    long keep = 3;
    long blocksPerRun = 4;
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard(), StateRetention.lastBlocks(keep));
      List<Hash> roots = new ArrayList<>();
      int runs = 0;
      int firstKept = 0;
      for (long number = 0; number < 3 * BLOCKS; number++) {
        roots.add(commitBlock(store, database, number));
        PruneResult result = database.pruneIfDue(blocksPerRun);
        Set<Hash> stored = StateWalk.storedNodes(store);
        assertTrue(stored.containsAll(retainedNodes(store, database, roots, keep)), "block " + number);
        if (result.blocksReleased() > 0) {
          runs++;
          assertTrue(result.blocksReleased() >= blocksPerRun, "ran early at block " + number + ": " + result);
          assertEquals(retainedNodes(store, database, roots, keep), stored, "block " + number);
          firstKept = (int) (roots.size() - keep);
        } else {
          // Between runs only the states since the last run are on disk, and at most blocksPerRun
          // of them beyond the retention.
          assertTrue(roots.size() - firstKept < keep + blocksPerRun, "no run by block " + number);
          assertEquals(retainedNodes(store, database, roots, roots.size() - firstKept), stored,
              "block " + number);
        }
      }
      assertTrue(runs >= (3 * BLOCKS - keep) / blocksPerRun - 1, "ran only " + runs + " times");
      assertThrows(IllegalArgumentException.class, () -> database.pruneIfDue(0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void retainedRootsStayCompleteAndOlderOnesGo(TestStores.Factory factory) {
    long keep = 3;
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard(), StateRetention.lastBlocks(keep));
      List<Hash> roots = new ArrayList<>();
      int deleted = 0;
      for (long number = 0; number < BLOCKS; number++) {
        roots.add(commitBlock(store, database, number));
        deleted += database.prune().nodesDeleted();
        // Exactly the nodes of the retained states remain: nothing they need is gone, no garbage left.
        assertEquals(retainedNodes(store, database, roots, keep), StateWalk.storedNodes(store), "block " + number);
      }
      assertTrue(deleted > 0, "pruning deleted nothing");
      for (Hash old : roots.subList(0, (int) (BLOCKS - keep))) {
        if (!roots.subList((int) (BLOCKS - keep), BLOCKS).contains(old)) {
          assertThrows(MissingNodeException.class,
              () -> StateWalk.nodes(store, old, database.hashFunction(), database.emptyRoot()));
        }
      }
      assertThrows(MissingNodeException.class, () -> database.stateAt(roots.get(0)).balance(RandomWorkload.address(0)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void archiveKeepsEveryState(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard(), StateRetention.ARCHIVE);
      List<Hash> roots = new ArrayList<>();
      for (long number = 0; number < BLOCKS; number++) {
        roots.add(commitBlock(store, database, number));
        assertEquals(PruneResult.NOTHING, database.prune());
      }
      for (Hash root : roots) {
        StateWalk.nodes(store, root, database.hashFunction(), database.emptyRoot());
      }
    }
  }

  /** A kill between prune batches leaves the retained states whole; the next run finishes the job. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void killedPruneLeavesRetainedStatesComplete(TestStores.Factory factory) {
    long keep = 2;
    try (KeyValueStore backing = factory.open()) {
      CountingStore store = new CountingStore(backing);
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard(), StateRetention.lastBlocks(keep), 1);
      List<Hash> roots = new ArrayList<>();
      for (long number = 0; number < 6; number++) {
        roots.add(commitBlock(store, database, number));
      }
      Set<Hash> before = StateWalk.storedNodes(store);
      store.failingWrite = store.writes + 3;
      assertThrows(StorageException.class, database::prune);
      Set<Hash> afterKill = StateWalk.storedNodes(store);
      assertTrue(afterKill.size() < before.size() && afterKill.size() == before.size() - 2,
          "two one-node batches were written before the kill");
      retainedNodes(store, database, roots, keep);
      store.failingWrite = 0;
      assertTrue(database.prune().blocksReleased() > 0);
      assertEquals(retainedNodes(store, database, roots, keep), StateWalk.storedNodes(store));
    }
  }
}
