package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * STATE-10: random blocks (accounts deleted and re-created, identical values and so identical
 * nodes written again, storage tries sharing nodes), pruned after random blocks with a random
 * retention: after every prune the store holds exactly the nodes of the retained states, each of
 * them complete, with the roots Ethereum's encoding gives.
 */
class PruningProperties {
  @Property(tries = 100)
  void pruningKeepsExactlyTheRetainedStates(
      @ForAll @IntRange(min = 1, max = 4) int keep,
      @ForAll @Size(min = 1, max = 10) List<@Size(max = 25) List<@IntRange(min = 0, max = RandomWorkload.OPERATION_MAX) Integer>> blocks,
      @ForAll @Size(min = 10, max = 10) List<Boolean> pruneAfter) {
    for (TestStores.Factory factory : TestStores.all()) {
      try (KeyValueStore store = factory.open()) {
        StateDatabase database =
            new StateDatabase(store, CryptoSuites.standard(), StateRetention.lastBlocks(keep));
        InMemoryWorldState reference = new InMemoryWorldState();
        List<Hash> roots = new ArrayList<>();
        for (int number = 0; number < blocks.size(); number++) {
          JournaledWorldState state = database.headState();
          new RandomWorkload(reference, state).run(blocks.get(number));
          try (WriteBatch batch = store.newBatch()) {
            roots.add(database.commit(state, number, batch).root());
            store.write(batch);
          }
          assertEquals(StateRoots.stateRoot(reference), roots.get(number));
          if (pruneAfter.get(number) || number == blocks.size() - 1) {
            database.prune();
            Set<Hash> retained = new HashSet<>();
            for (Hash root : roots.subList(Math.max(0, roots.size() - keep), roots.size())) {
              retained.addAll(StateWalk.nodes(store, root, database.hashFunction(), database.emptyRoot()));
            }
            assertEquals(retained, StateWalk.storedNodes(store), factory + " after block " + number);
          }
        }
      }
    }
  }
}
