package org.xinlian.cli;

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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.ledger.state.StateRetention;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/**
 * {@code xinlian db proof} and {@code xinlian proof verify} (docs/spec/state.md STATE-16) on a
 * real RocksDB ledger: every proof the node prints verifies standalone against the root of the
 * block it names, and a changed field, a wrong root or the wrong suite does not.
 */
class ProofCommandsTest {
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final Address NOBODY = Address.fromHex("0x000000000000000000000000000000000000dead");
  private static final byte[] CODE = {0x60, 0x00, 0x60, 0x00, (byte) 0xf3};

  @TempDir Path directory;
  private final List<BlockHeader> headers = new ArrayList<>();

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  /**
   * Three blocks committed through the production state database: Alice gets code, two slots and
   * 1000 wei at genesis, 2000 wei and a changed slot 1 in block 1; Bob appears in block 2.
   */
  private Path createLedger(CryptoSuite suite, StateRetention retention) {
    Path data = directory.resolve("ledger");
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL))) {
      BlockStore blocks = BlockStore.open(store, suite, data.toString());
      StateDatabase states = new StateDatabase(store, suite, retention);
      commit(store, blocks, states, state -> {
        state.setBalance(ALICE, UInt256.fromLong(1000));
        state.setNonce(ALICE, 1);
        state.setCode(ALICE, CODE);
        state.setStorage(ALICE, UInt256.ONE, UInt256.fromLong(0x2a));
        state.setStorage(ALICE, UInt256.fromLong(2), UInt256.fromLong(7));
      });
      commit(store, blocks, states, state -> {
        state.setBalance(ALICE, UInt256.fromLong(2000));
        state.setStorage(ALICE, UInt256.ONE, UInt256.fromLong(0x2b));
      });
      commit(store, blocks, states, state -> {
        state.setBalance(BOB, UInt256.fromLong(5));
        state.setNonce(BOB, 3);
      });
    }
    return data;
  }

  private void commit(KeyValueStore store, BlockStore blocks, StateDatabase states,
      Consumer<JournaledWorldState> changes) {
    CryptoSuite suite = blocks.suite();
    long number = headers.size();
    try (WriteBatch batch = store.newBatch()) {
      JournaledWorldState state = states.headState();
      changes.accept(state);
      state.finishTransaction();
      Hash stateRoot = states.commit(state, number, batch).root();
      BlockHeader header = new BlockHeader(blocks.headHash().orElse(Hash.ZERO), number,
          1_700_000_000L + number, Address.ZERO, stateRoot, BlockRoots.transactionsRoot(suite, List.of()),
          BlockRoots.receiptsRoot(suite, List.of()), LogsBloom.EMPTY, 0, 30_000_000, new byte[0],
          new byte[0]);
      Block block = new Block(header, List.of());
      if (number == 0) {
        blocks.commitGenesis(batch, block, List.of(), 7);
      } else {
        blocks.commitBlock(batch, block, List.of());
      }
      headers.add(header);
    }
    states.prune();
  }

  private Hash root(int block) {
    return headers.get(block).stateRoot();
  }

  /** Runs {@code db proof}, checks stdout is one eth_getProof object and saves it to a file. */
  private Path prove(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("db", "proof", "--data", "ledger"));
    command.addAll(List.of(args));
    CliRun.Result result = run(command.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(1, result.out().lines().count(), result.out());
    assertEquals(1, result.errLines().size(), result.err());
    return Files.writeString(directory.resolve(name), result.out());
  }

  private CliRun.Result verify(Path file, Hash root, String... options) {
    List<String> command = new ArrayList<>(List.of("proof", "verify", "--root", root.toHexString()));
    command.addAll(List.of(options));
    command.add(file.toString());
    return run(command.toArray(String[]::new));
  }

  @Test
  void anAccountWithSlotsVerifiesAgainstTheHeadRoot() throws IOException {
    CryptoSuite suite = CryptoSuites.standard();
    createLedger(suite, StateRetention.ARCHIVE);
    CliRun.Result proven = run("db", "proof", "--data", "ledger", "--address",
        ALICE.toHexString(), "--slot", "0x1", "0x2", "--slot", "0x" + "0".repeat(63) + "3");
    assertEquals(0, proven.exitCode(), proven.err());
    assertEquals(List.of("proven against block 2 " + headers.get(2).hash(suite) + ", state root "
        + root(2) + " (standard)"), proven.errLines());

    JsonNode json = new ObjectMapper().readTree(proven.out());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    // geth's eth_getProof field order (internal/ethapi AccountResult).
    assertEquals(List.of("address", "accountProof", "balance", "codeHash", "nonce", "storageHash",
        "storageProof"), fields);
    assertEquals("0x7d0", json.get("balance").asText());
    assertEquals(Hex.encode(Keccak256.hash(CODE)), json.get("codeHash").asText());
    Iterator<JsonNode> slots = json.get("storageProof").elements();
    assertEquals("0x2b", slots.next().get("value").asText());
    assertEquals("0x7", slots.next().get("value").asText());
    assertEquals("0x0", slots.next().get("value").asText());

    Path file = Files.writeString(directory.resolve("alice.json"), proven.out());
    CliRun.Result verified = verify(file, root(2));
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertEquals("valid: account " + ALICE + " balance 2000 nonce 1 storage slots 3\n", verified.out());
    assertEquals("", verified.err());

    CliRun.Result fromInput = new CliRun(directory).withInput(proven.out())
        .run("proof", "verify", "--root", root(2).toHexString(), "-");
    assertEquals(0, fromInput.exitCode(), fromInput.out() + fromInput.err());
  }

  @Test
  void anAbsentAccountGetsAnExclusionProof() throws IOException {
    createLedger(CryptoSuites.standard(), StateRetention.ARCHIVE);
    Path file = prove("nobody.json", "--address", NOBODY.toHexString(), "--slot", "0x1");
    CliRun.Result verified = verify(file, root(2));
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertEquals("valid: account " + NOBODY + " (proven absent) balance 0 nonce 0 storage slots 1\n",
        verified.out());
  }

  @Test
  void aTamperedBalanceIsInvalid() throws IOException {
    createLedger(CryptoSuites.standard(), StateRetention.ARCHIVE);
    Path file = prove("alice.json", "--address", ALICE.toHexString());
    String json = Files.readString(file);
    assertTrue(json.contains("\"balance\":\"0x7d0\""), json);
    Path tampered = Files.writeString(directory.resolve("tampered.json"),
        json.replace("\"balance\":\"0x7d0\"", "\"balance\":\"0x7d1\""));
    CliRun.Result result = verify(tampered, root(2));
    assertEquals(1, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().startsWith("invalid: balance: "), result.out());
    assertEquals(1, result.out().lines().count(), result.out());
  }

  @Test
  void anotherRootOrSuiteIsInvalid() throws IOException {
    createLedger(CryptoSuites.standard(), StateRetention.ARCHIVE);
    Path file = prove("alice.json", "--address", ALICE.toHexString(), "--slot", "0x1");
    CliRun.Result olderRoot = verify(file, root(1));
    assertEquals(1, olderRoot.exitCode(), olderRoot.out() + olderRoot.err());
    assertTrue(olderRoot.out().startsWith("invalid: accountProof[0]: "), olderRoot.out());
    CliRun.Result gm = verify(file, root(2), "--suite", "gm");
    assertEquals(1, gm.exitCode(), gm.out() + gm.err());
    assertTrue(gm.out().startsWith("invalid: accountProof"), gm.out());
  }

  /** STATE-12: a gm chain's proofs are SM3 tries, verified only with --suite gm. */
  @Test
  void aGmChainRoundTrips() throws IOException {
    CryptoSuite suite = CryptoSuites.gm();
    createLedger(suite, StateRetention.ARCHIVE);
    CliRun.Result proven = run("db", "proof", "--data", "ledger", "--address", ALICE.toHexString(),
        "--slot", "0x2");
    assertEquals(0, proven.exitCode(), proven.err());
    assertTrue(proven.err().endsWith(" (gm)\n"), proven.err());
    Path file = Files.writeString(directory.resolve("alice.json"), proven.out());
    CliRun.Result verified = verify(file, root(2), "--suite", "gm");
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertEquals("valid: account " + ALICE + " balance 2000 nonce 1 storage slots 1\n", verified.out());
    assertEquals(1, verify(file, root(2)).exitCode());
  }

  @Test
  void anOlderBlockOfAnArchiveIsProvenAgainstItsOwnRoot() throws IOException {
    CryptoSuite suite = CryptoSuites.standard();
    createLedger(suite, StateRetention.ARCHIVE);
    CliRun.Result proven = run("db", "proof", "--data", "ledger", "--address", ALICE.toHexString(),
        "--slot", "0x1", "--block", "0");
    assertEquals(0, proven.exitCode(), proven.err());
    assertTrue(proven.err().startsWith("proven against block 0 " + headers.get(0).hash(suite)
        + ", state root " + root(0)), proven.err());
    Path file = Files.writeString(directory.resolve("alice0.json"), proven.out());
    CliRun.Result verified = verify(file, root(0));
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertEquals("valid: account " + ALICE + " balance 1000 nonce 1 storage slots 1\n", verified.out());
    assertTrue(Files.readString(file).contains("\"value\":\"0x2a\""), Files.readString(file));
    assertEquals(1, verify(file, root(2)).exitCode());
  }

  /** STATE-9: a pruning node refuses a state it no longer keeps, in one line. */
  @Test
  void aPrunedStateIsRefused() throws IOException {
    createLedger(CryptoSuites.standard(), StateRetention.lastBlocks(1));
    assertError(run("db", "proof", "--data", "ledger", "--address", ALICE.toHexString(), "--block", "0"),
        "error: the state of block 0 was pruned: this node keeps only the states of its most "
            + "recent blocks (head is block 2); prove at a later block or ask an archive node");
    Path file = prove("alice.json", "--address", ALICE.toHexString(), "--block", "2");
    assertEquals(0, verify(file, root(2)).exitCode());
  }

  @Test
  void badInputIsOneErrorLine() throws IOException {
    Path data = createLedger(CryptoSuites.standard(), StateRetention.ARCHIVE);
    assertError(run("db", "proof", "--data", "ledger", "--address", "0x1234"),
        "error: --address 0x1234: expected 20 bytes but got 2");
    assertError(run("db", "proof", "--data", "ledger", "--address", ALICE.toHexString(), "--slot", "0xzz"),
        "error: --slot 0xzz: expected 1 to 64 hex digits");
    assertError(run("db", "proof", "--data", "ledger", "--address", ALICE.toHexString(), "--block", "9"),
        "error: the ledger in " + data + " has no canonical block at height 9 (the head is block 2)");
    assertError(run("db", "proof", "--data", "missing", "--address", ALICE.toHexString()),
        "error: no such ledger directory: " + directory.resolve("missing"));
    Path foreign = Files.createDirectories(directory.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "not a database");
    CliRun.Result notStore = run("db", "proof", "--data", "foreign", "--address", ALICE.toHexString());
    assertEquals(1, notStore.exitCode(), notStore.err());
    assertEquals(1, notStore.errLines().size(), notStore.err());
    assertTrue(notStore.err().startsWith("error: "), notStore.err());
    assertEquals(2, run("db", "proof", "--data", "ledger").exitCode());

    Path garbage = Files.writeString(directory.resolve("garbage.json"), "{\"address\": [1, 2");
    CliRun.Result result = verify(garbage, root(2));
    assertEquals(1, result.exitCode());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("error: proof: malformed JSON"), result.err());
    assertEquals("", result.out());
    assertError(verify(Files.writeString(directory.resolve("list.json"), "[]"), root(2)),
        "error: proof: expected a JSON object");
    Path valid = prove("alice.json", "--address", ALICE.toHexString());
    assertError(run("proof", "verify", "--root", "0x12", valid.toString()),
        "error: --root 0x12: expected 32 bytes but got 1");
    assertError(verify(directory.resolve("none.json"), root(2)),
        "error: no such file: " + directory.resolve("none.json"));
    assertEquals(2, run("proof", "verify", "--root", root(2).toHexString(), "--suite", "sm9",
        valid.toString()).exitCode());
  }

  private static void assertError(CliRun.Result result, String line) {
    assertEquals(1, result.exitCode(), result.err());
    assertEquals(List.of(line), result.errLines());
    assertEquals("", result.out());
  }
}
