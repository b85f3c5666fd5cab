package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.statetest.StateTestCase;
import org.xinlian.evm.statetest.StateTestRunner;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;

/**
 * STATE-2, STATE-6: ethereum/tests GeneralStateTests (Cancun post states) from a few folders, run
 * with the EVM's own state-test case code on the persistent state: the pre state is committed as
 * block 0, the transaction executes on a state reopened from the store (the flat head view for
 * even cases, the tries for odd ones) and its changes are committed as block 1, whose root must be
 * the expected post-state root. The expected roots come from ethereum/tests (external oracle).
 */
class GeneralStateTestsOnPersistentStateTest {
  private static final List<String> FOLDERS =
      List.of("stExample", "stSStoreTest", "stRefundTest", "stSelfBalance", "stCreate2");

  static List<TestStores.Factory> stores() {
    return TestStores.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void postStateRootsMatch(TestStores.Factory factory) throws IOException {
    Path base = Path.of(System.getProperty("oracles.dir", "../shared/oracles"), "ethereum-tests", "GeneralStateTests");
    if (!Files.isDirectory(base)) {
      if ("true".equals(System.getProperty("oracles.required"))) {
        throw new AssertionError("GeneralStateTests missing at " + base);
      }
      Assumptions.abort("GeneralStateTests not found at " + base + "; skipping");
    }
    List<Path> roots = new ArrayList<>();
    for (String folder : FOLDERS) {
      roots.add(base.resolve(folder));
    }
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (Path file : StateTestRunner.testFiles(roots)) {
      JsonNode document = json.readTree(file.toFile());
      for (Iterator<Map.Entry<String, JsonNode>> tests = document.fields(); tests.hasNext(); ) {
        Map.Entry<String, JsonNode> test = tests.next();
        for (JsonNode post : test.getValue().path("post").path(StateTestRunner.FORK)) {
          String name = file.getParent().getFileName() + "/" + StateTestCase.name(test.getKey(), post);
          Optional<String> problem = runCase(factory, test.getValue(), post, cases % 2 == 0);
          problem.ifPresent(reason -> failures.add(name + ": " + reason));
          cases++;
        }
      }
    }
    System.out.printf("GeneralStateTests on the persistent state (%s store, %s): %d cases, %d passed%n",
        factory, String.join(",", FOLDERS), cases, cases - failures.size());
    assertTrue(cases > 100, "expected the folders to hold more than 100 Cancun cases, found " + cases);
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }

  private static Optional<String> runCase(
      TestStores.Factory factory, JsonNode test, JsonNode post, boolean flat) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.standard());
      return StateTestCase.run(
          test,
          post,
          database.headState(),
          pre -> {
            StateCommit genesis = commit(store, database, pre, 0);
            return flat ? database.headState() : database.stateAt(genesis.root());
          },
          state -> {
            StateCommit block = commit(store, database, state, 1);
            return block.root();
          });
    }
  }

  private static StateCommit commit(KeyValueStore store, StateDatabase database, JournaledWorldState state, long number) {
    try (WriteBatch batch = store.newBatch()) {
      StateCommit commit = database.commit(state, number, batch);
      store.write(batch);
      return commit;
    }
  }
}
