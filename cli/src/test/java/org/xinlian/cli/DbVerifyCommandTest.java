package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.state.StateDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.common.Address;

/** {@code xinlian db verify} (docs/spec/ledger.md LEDGER-7): output lines and exit codes. */
class DbVerifyCommandTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  @TempDir Path directory;
  private Path data;
  private Hash headStateRoot;
  private Hash blockOne;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  /** Genesis and two blocks of a standard chain, each changing three accounts of the state. */
  @BeforeEach
  void createLedger() {
    data = directory.resolve("ledger");
    try (KeyValueStore store = open()) {
      BlockStore blocks = BlockStore.open(store, suite, data.toString());
      StateDatabase states = new StateDatabase(store, suite);
      Hash stateRoot = null;
      for (int number = 0; number < 3; number++) {
        try (WriteBatch batch = store.newBatch()) {
          JournaledWorldState state = states.headState();
          for (int account = 0; account < 3; account++) {
            byte[] address = new byte[Address.LENGTH];
            address[0] = (byte) (number * 3 + account);
            state.setNonce(Address.wrap(address), 1);
            state.setBalance(Address.wrap(address), UInt256.fromLong(1000 + number));
          }
          state.finishTransaction();
          stateRoot = states.commit(state, number, batch).root();
          BlockHeader header = new BlockHeader(
              blocks.headHash().orElse(Hash.ZERO), number, 1_700_000_000L + number, Address.ZERO,
              stateRoot, BlockRoots.transactionsRoot(suite, List.of()),
              BlockRoots.receiptsRoot(suite, List.of()), LogsBloom.EMPTY, 0, 30_000_000,
              new byte[0], new byte[0]);
          Block block = new Block(header, List.of());
          Hash hash = number == 0 ? blocks.commitGenesis(batch, block, List.of(), 7)
              : blocks.commitBlock(batch, block, List.of());
          if (number == 1) {
            blockOne = hash;
          }
        }
      }
      headStateRoot = stateRoot;
    }
  }

  @Test
  void anIntactLedgerPrintsASummaryAndExitsZero() {
    CliRun.Result result = run("db", "verify", "--data", "ledger");
    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(1, lines.size(), result.out());
    assertTrue(lines.get(0).matches("head 2: 3 blocks, 0 transactions, [1-9][0-9]* state trie "
        + "nodes, 0 contract codes checked; 0 mismatches"), lines.get(0));
    assertEquals("", result.err());
    assertEquals(0, run("db", "verify", "--data", data.toString(), "--suite", "standard").exitCode());
  }

  /** OPS-92: the directory above the ledger, as a development chain's or a node's, is accepted. */
  @Test
  void aDevelopmentChainOrNodeDirectoryLeadsToItsLedger() throws Exception {
    CliRun.Result dev = run("db", "verify", "--data", ".");
    assertEquals(0, dev.exitCode(), dev.err());
    assertTrue(dev.out().startsWith("head 2: 3 blocks"), dev.out());
    Path node = Files.createDirectories(directory.resolve("node0"));
    Files.writeString(node.resolve("config.json"),
        "{\"dataDirectory\": \"../ledger\", \"genesisFile\": \"genesis.json\"}");
    CliRun.Result fromConfig = run("db", "verify", "--data", "node0");
    assertEquals(0, fromConfig.exitCode(), fromConfig.err());
    assertTrue(fromConfig.out().startsWith("head 2: 3 blocks"), fromConfig.out());
    Files.writeString(node.resolve("config.json"), "{\"dataDirectory\": 7}");
    CliRun.Result badConfig = run("db", "verify", "--data", "node0");
    assertEquals(1, badConfig.exitCode(), badConfig.err());
    assertTrue(badConfig.err().startsWith("error: " + node + " holds no ledger and its config.json cannot be read: "),
        badConfig.err());
  }

  @Test
  void damageIsOneLinePerMismatchAndExitCodeOne() {
    flipLastByte(LedgerNamespaces.BODIES, blockOne.toArray());
    flipLastByte(LedgerNamespaces.TRIE_NODES, headStateRoot.toArray());
    CliRun.Result result = run("db", "verify", "--data", "ledger", "--progress");
    assertEquals(1, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.out());
    assertTrue(lines.get(0).startsWith("block 1 bodies " + blockOne + ": body does not decode"),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("block 2 trie_nodes " + headStateRoot
        + ": trie node hashes to "), lines.get(1));
    assertTrue(lines.get(2).endsWith("; 2 mismatches"), lines.get(2));
    assertTrue(result.err().lines().allMatch(line -> line.startsWith("progress: ")), result.err());
    assertTrue(result.err().contains("progress: blocks 3"), result.err());
  }

  @Test
  void unusableDirectoriesAreOneErrorLine() throws Exception {
    assertError(run("db", "verify", "--data", "missing"),
        "error: no such ledger directory: " + directory.resolve("missing"));
    Files.createDirectories(directory.resolve("empty"));
    assertError(run("db", "verify", "--data", "empty"),
        "error: no ledger in " + directory.resolve("empty") + " (the directory is empty)");
    Path foreign = Files.createDirectories(directory.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "not a database");
    CliRun.Result notStore = run("db", "verify", "--data", "foreign");
    assertEquals(1, notStore.exitCode(), notStore.err());
    assertEquals(1, notStore.errLines().size(), notStore.err());
    assertTrue(notStore.err().startsWith("error: "), notStore.err());
    assertError(run("db", "verify", "--data", "ledger", "--suite", "gm"),
        "error: the ledger in " + data + " is a standard chain, not gm");
    assertEquals(2, run("db", "verify", "--data", "ledger", "--suite", "sm9").exitCode());
    assertEquals(2, run("db", "verify").exitCode());
  }

  /** LEDGER-5. */
  @Test
  void anotherSchemaVersionIsRefused() {
    try (KeyValueStore store = open(); WriteBatch batch = store.newBatch()) {
      batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION,
          ChainEncoding.encodeSchemaVersion(LedgerNamespaces.SCHEMA_VERSION + 1));
      store.write(batch);
    }
    assertError(run("db", "verify", "--data", "ledger"),
        "error: store schema " + (LedgerNamespaces.SCHEMA_VERSION + 1) + ", this build reads "
            + LedgerNamespaces.SCHEMA_VERSION + " (" + data + ")");
  }

  private static void assertError(CliRun.Result result, String line) {
    assertEquals(1, result.exitCode(), result.err());
    assertEquals(List.of(line), result.errLines());
    assertEquals("", result.out());
  }

  private void flipLastByte(Namespace namespace, byte[] key) {
    try (KeyValueStore store = open(); WriteBatch batch = store.newBatch()) {
      byte[] value = store.get(namespace, key).orElseThrow();
      value[value.length - 1] ^= 1;
      batch.put(namespace, key, value);
      store.write(batch);
    }
  }

  private KeyValueStore open() {
    return KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL));
  }
}
