package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MissingNodeException;

/** The persistent state's commit, history and flat view, on every test store. */
class StateDatabaseTest {
  private static final Address A = RandomWorkload.address(0);
  private static final Address B = RandomWorkload.address(1);
  private static final UInt256 SLOT = UInt256.ONE;

  static List<TestStores.Factory> stores() {
    return TestStores.all();
  }

  private static StateCommit commit(KeyValueStore store, StateDatabase database, JournaledWorldState state, long number) {
    state.finishTransaction();
    try (WriteBatch batch = store.newBatch()) {
      StateCommit commit = database.commit(state, number, batch);
      store.write(batch);
      return commit;
    }
  }

  /** STATE-7: two blocks committed, then both roots read back from a database reopened on the store. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void multiBlockHistoryReadsBothRoots(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard());
      JournaledWorldState block1 = database.headState();
      block1.setBalance(A, UInt256.fromLong(100));
      block1.setStorage(A, SLOT, UInt256.fromLong(5));
      Hash root1 = commit(store, database, block1, 1).root();

      JournaledWorldState block2 = database.headState();
      block2.setStorage(A, SLOT, UInt256.fromLong(6));
      block2.setBalance(B, UInt256.fromLong(7));
      block2.setCode(B, Hex.decode("0x6001600101"));
      Hash root2 = commit(store, database, block2, 2).root();
      assertNotEquals(root1, root2);

      StateDatabase reopened = new StateDatabase(store, CryptoSuites.standard());
      assertEquals(Optional.of(new StateHead(2, root2)), reopened.head());
      JournaledWorldState at1 = reopened.stateAt(root1);
      assertEquals(UInt256.fromLong(5), at1.storage(A, SLOT));
      assertEquals(UInt256.fromLong(100), at1.balance(A));
      assertFalse(at1.exists(B));
      for (JournaledWorldState at2 : List.of(reopened.stateAt(root2), reopened.headState())) {
        assertEquals(UInt256.fromLong(6), at2.storage(A, SLOT));
        assertEquals(UInt256.fromLong(7), at2.balance(B));
        assertArrayEquals(Hex.decode("0x6001600101"), at2.code(B));
      }
    }
  }

  /** STATE-6: commit only fills the batch; a batch discarded leaves the store as it was. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void commitWritesNothingOutsideTheBatch(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard(), StateRetention.lastBlocks(2));
      JournaledWorldState first = database.headState();
      first.setStorage(A, SLOT, UInt256.ONE);
      commit(store, database, first, 0);
      String before = dump(store);
      JournaledWorldState state = database.headState();
      state.setStorage(A, SLOT, UInt256.fromLong(2));
      state.setCode(B, new byte[] {1, 2, 3});
      state.finishTransaction();
      try (WriteBatch batch = store.newBatch()) {
        StateCommit commit = database.commit(state, 1, batch);
        assertTrue(batch.size() > 0 && commit.nodesWritten() > 0);
        assertEquals(before, dump(store), "the store changed before the batch was written");
      }
      assertEquals(before, dump(store));
      assertEquals(0, database.head().orElseThrow().blockNumber());
    }
  }

  /** STATE-8: a deleted account's flat storage goes with it; re-creating it starts from nothing. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void deletedAccountsLoseTheirStorage(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard());
      JournaledWorldState genesis = database.headState();
      genesis.setNonce(A, 1);
      genesis.setStorage(A, SLOT, UInt256.fromLong(9));
      genesis.setStorage(A, UInt256.fromLong(2), UInt256.fromLong(8));
      commit(store, database, genesis, 0);
      assertEquals(2, count(store, LedgerNamespaces.FLAT_STORAGE));

      JournaledWorldState deleting = database.headState();
      deleting.markForDeletion(A);
      commit(store, database, deleting, 1);
      assertEquals(0, count(store, LedgerNamespaces.FLAT_STORAGE));
      assertEquals(0, count(store, LedgerNamespaces.FLAT_ACCOUNTS));
      assertEquals(database.emptyRoot(), database.head().orElseThrow().root());

      JournaledWorldState recreating = database.headState();
      recreating.setStorage(A, UInt256.fromLong(3), UInt256.ONE);
      Hash root = commit(store, database, recreating, 2).root();
      InMemoryWorldState expected = new InMemoryWorldState();
      expected.setStorage(A, UInt256.fromLong(3), UInt256.ONE);
      expected.commitInitialState();
      assertEquals(org.xinlian.evm.statetest.StateRoots.stateRoot(expected), root);
      for (JournaledWorldState state : List.of(database.headState(), database.stateAt(root))) {
        assertEquals(UInt256.ZERO, state.storage(A, SLOT));
        assertEquals(UInt256.ONE, state.storage(A, UInt256.fromLong(3)));
      }
    }
  }

  /** STATE-6: only the head can be extended, by a later block, with changes from this database. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void commitsMustExtendTheHead(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard());
      JournaledWorldState stale = database.headState();
      stale.setBalance(A, UInt256.ONE);
      JournaledWorldState first = database.headState();
      first.setBalance(B, UInt256.ONE);
      commit(store, database, first, 5);
      try (WriteBatch batch = store.newBatch()) {
        assertThrows(IllegalStateException.class, () -> database.commit(stale, 6, batch));
        JournaledWorldState next = database.headState();
        assertThrows(IllegalArgumentException.class, () -> database.commit(next, 5, batch));
        assertThrows(IllegalArgumentException.class, () -> database.commit(new InMemoryWorldState(), 6, batch));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void unknownRootFailsWithMissingNode(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard());
      Hash unknown = Hash.wrap(new byte[32]);
      MissingNodeException missing =
          assertThrows(MissingNodeException.class, () -> database.stateAt(unknown).balance(A));
      assertEquals(unknown, missing.hash());
    }
  }

  /**
   * STATE-4: an account with thousands of slots is never loaded whole: one slot costs a path of
   * node reads, and changing one slot writes one path of nodes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void largeStorageIsReadAndWrittenByPath(TestStores.Factory factory) {
    int slots = 5_000;
    try (KeyValueStore store = factory.open()) {
      CountingStore counting = new CountingStore(store);
      StateDatabase database = new StateDatabase(counting, CryptoSuites.standard());
      JournaledWorldState genesis = database.headState();
      for (int slot = 1; slot <= slots; slot++) {
        genesis.setStorage(A, UInt256.fromLong(slot), UInt256.fromLong(slot));
      }
      Hash root = commit(counting, database, genesis, 0).root();

      counting.trieNodeReads = 0;
      JournaledWorldState state = database.stateAt(root);
      assertEquals(UInt256.fromLong(1234), state.storage(A, UInt256.fromLong(1234)));
      assertTrue(state.hasStorage(A));
      // Two tries of a few thousand keys are at most about four levels deep each.
      assertTrue(counting.trieNodeReads <= 16, "reads: " + counting.trieNodeReads);

      state.setStorage(A, UInt256.fromLong(1234), UInt256.fromLong(1));
      state.finishTransaction();
      try (WriteBatch batch = counting.newBatch()) {
        StateCommit commit = database.commit(state, 1, batch);
        assertTrue(commit.nodesWritten() <= 10, "nodes written: " + commit.nodesWritten());
      }
    }
  }

  private static int count(KeyValueStore store, Namespace namespace) {
    int count = 0;
    try (KeyValueIterator iterator = store.iterate(namespace, KeyRange.ALL)) {
      while (iterator.hasNext()) {
        iterator.next();
        count++;
      }
    }
    return count;
  }

  private static String dump(KeyValueStore store) {
    List<String> entries = new ArrayList<>();
    for (Namespace namespace : LedgerNamespaces.ALL) {
      try (KeyValueIterator iterator = store.iterate(namespace, KeyRange.ALL)) {
        while (iterator.hasNext()) {
          KeyValue entry = iterator.next();
          entries.add(namespace + ":" + Hex.encode(entry.key()) + "=" + Hex.encode(entry.value()));
        }
      }
    }
    entries.sort(null);
    return String.join("\n", entries);
  }
}
