package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.statetest.StateRoots;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;

/**
 * STATE-1, STATE-2, STATE-3, STATE-5: random blocks committed through the persistent state give
 * the root that {@link StateRoots#stateRoot} (Ethereum's encoding over the in-memory state) gives
 * for the same operations, and every read agrees, whether the state is read from the flat head
 * view or through the tries.
 */
class StateRootProperties {
  @Property(tries = 150)
  void persistentRootsEqualEthereumRoots(
      @ForAll @Size(min = 1, max = 6) List<@Size(max = 30) List<@IntRange(min = 0, max = RandomWorkload.OPERATION_MAX) Integer>> blocks) {
    for (TestStores.Factory factory : TestStores.all()) {
      try (KeyValueStore store = factory.open()) {
        StateDatabase database = new StateDatabase(store, CryptoSuites.standard());
        InMemoryWorldState reference = new InMemoryWorldState();
        long blockNumber = 0;
        for (List<Integer> block : blocks) {
          Hash headRoot = database.head().map(StateHead::root).orElse(database.emptyRoot());
          // Alternate the two sources: the flat head view and the trie at the head root.
          JournaledWorldState state = blockNumber % 2 == 0 ? database.headState() : database.stateAt(headRoot);
          RandomWorkload workload = new RandomWorkload(reference, state);
          workload.run(block);
          StateCommit commit;
          try (WriteBatch batch = store.newBatch()) {
            commit = database.commit(state, blockNumber, batch);
            store.write(batch);
          }
          assertEquals(StateRoots.stateRoot(reference), commit.root(), factory + " block " + blockNumber);
          new RandomWorkload(reference, database.headState()).compareAll();
          new RandomWorkload(reference, database.stateAt(commit.root())).compareAll();
          blockNumber++;
        }
      }
    }
  }
}
