package org.xinlian.execution.genesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.types.block.BlockHeader;

/** GENESIS-1 to GENESIS-5: the genesis file and the chain it starts. */
class GenesisTest {
  private static final String VALIDATOR = "0x00000000000000000000000000000000000000aa";
  private static final String FUNDED = "0x1000000000000000000000000000000000000001";
  private static final String CONTRACT = "0x2000000000000000000000000000000000000002";

  @TempDir Path directory;

  private static String json(String suite, String feeMode, String fundedBalance) {
    return "{\"chainId\": 77, \"suite\": \"" + suite + "\", \"timestamp\": 1700000000,"
        + " \"extraData\": \"0x0102\", \"blockGasLimit\": \"0x1c9c380\", \"blockIntervalMs\": 500,"
        + " \"feeMode\": \"" + feeMode + "\","
        + (feeMode.equals("ethereum") ? " \"baseFeePerGas\": \"1000000000\"," : "")
        + " \"validators\": [\"" + VALIDATOR + "\"],"
        + " \"alloc\": {\"" + FUNDED + "\": {\"balance\": \"" + fundedBalance + "\", \"nonce\": 3},"
        + " \"" + CONTRACT + "\": {\"code\": \"0x602a60005260206000f3\","
        + " \"storage\": {\"0x01\": \"0x0100\", \"0x0000000000000000000000000000000000000000000000000000000000000002\": 5}}}}";
  }

  private GenesisConfig load(String text) throws Exception {
    Path file = directory.resolve("genesis.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return GenesisConfig.load(file);
  }

  /** GENESIS-1, GENESIS-3: every field read, and the state and header built from them, on both suites. */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void genesisFromAFileBuildsStateAndHeader(String suiteName) throws Exception {
    GenesisConfig config = load(json(suiteName, "ethereum", "0xde0b6b3a7640000"));
    assertEquals(77, config.chainId());
    assertEquals(30_000_000, config.blockGasLimit());
    assertEquals(500, config.blockIntervalMs());
    assertEquals(FeeMode.ETHEREUM, config.feeMode());
    assertEquals(UInt256.fromLong(1_000_000_000), config.baseFeePerGas());
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    try (KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL)) {
      Genesis.Initialized initialized = Genesis.initialize(config, store);
      assertTrue(initialized.created());
      BlockStore blocks = BlockStore.open(store, suite);
      BlockHeader head = blocks.head().orElseThrow();
      assertEquals(initialized.hash(), head.hash(suite));
      assertEquals(0, head.number());
      assertEquals(Hash.ZERO, head.parentHash());
      assertEquals(1_700_000_000L, head.timestamp());
      assertEquals(30_000_000, head.gasLimit());
      assertArrayEquals(new byte[] {1, 2}, head.extraData());
      assertEquals(BlockRoots.transactionsRoot(suite, java.util.List.of()), head.transactionsRoot());
      StateDatabase states = new StateDatabase(store, suite);
      var state = states.stateAt(head.stateRoot());
      Address funded = Address.fromHex(FUNDED);
      assertEquals(new BigInteger("1000000000000000000"), state.balance(funded).toBigInteger());
      assertEquals(3, state.nonce(funded));
      Address contract = Address.fromHex(CONTRACT);
      assertEquals("0x602a60005260206000f3", Hex.encode(state.code(contract)));
      assertEquals(UInt256.fromLong(256), state.storage(contract, UInt256.ONE));
      assertEquals(UInt256.fromLong(5), state.storage(contract, UInt256.fromLong(2)));
    }
  }

  /** GENESIS-4: a restart with the same file changes nothing, on RocksDB. */
  @Test
  void sameGenesisIsAcceptedAgainAfterRestart() throws Exception {
    GenesisConfig config = load(json("standard", "zero-price", "12345"));
    Path data = directory.resolve("db");
    Hash first;
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL))) {
      first = Genesis.initialize(config, store).hash();
    }
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL))) {
      Genesis.Initialized again = Genesis.initialize(config, store);
      assertFalse(again.created());
      assertEquals(first, again.hash());
      assertEquals(first, Genesis.block(config).hash(CryptoSuites.standard()));
    }
  }

  /** GENESIS-4: another allocation, or the same block with other chain parameters, is refused. */
  @Test
  void otherGenesisIsRefused() throws Exception {
    try (KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL)) {
      Genesis.initialize(load(json("standard", "ethereum", "100")), store);
      GenesisMismatchException otherAlloc = assertThrows(GenesisMismatchException.class,
          () -> Genesis.initialize(load(json("standard", "ethereum", "101")), store));
      assertTrue(otherAlloc.getMessage().contains("holds genesis"), otherAlloc.getMessage());
      GenesisMismatchException otherFees = assertThrows(GenesisMismatchException.class,
          () -> Genesis.initialize(load(json("standard", "zero-price", "100")), store));
      assertTrue(otherFees.getMessage().contains("feeMode"), otherFees.getMessage());
    }
  }

  static Stream<Arguments> badFiles() {
    String good = json("standard", "ethereum", "100");
    String funded = "alloc." + FUNDED;
    return Stream.of(
        Arguments.of(good.replace("\"balance\": \"100\"", "\"balance\": \"12abc\""), funded + ".balance",
            "not a decimal or 0x quantity"),
        Arguments.of(good.replace("\"balance\": \"100\"", "\"balance\": \"-1\""), funded + ".balance", "quantity"),
        Arguments.of(good.replace("\"nonce\": 3", "\"nonce\": \"0x1ffffffffffffffff\""), funded + ".nonce", "2^63"),
        Arguments.of(good.replace("\"nonce\": 3", "\"nonse\": 3"), funded + ".nonse", "unknown field"),
        Arguments.of(good.replace("\"chainId\"", "\"chainID\""), "chainID", "unknown field"),
        Arguments.of(good.replace("\"suite\": \"standard\"", "\"suite\": \"rsa\""), "suite", "standard"),
        Arguments.of(good.replace("\"feeMode\": \"ethereum\"", "\"feeMode\": \"free\""), "feeMode", "zero-price"),
        Arguments.of(good.replace(" \"baseFeePerGas\": \"1000000000\",", ""), "baseFeePerGas", "required"),
        Arguments.of(good.replace(VALIDATOR, "0x1234"), "validators.0", "address"),
        Arguments.of(good.replace("\"0x0102\"", "\"0x" + "00".repeat(33) + "\""), "extraData", "32 bytes"),
        Arguments.of(good.replace("\"0x602a60005260206000f3\"", "\"0x60zz\""), "alloc." + CONTRACT + ".code", "hex"),
        Arguments.of(good.replace("\"0x01\": \"0x0100\"", "\"slot\": \"0x0100\""), "alloc." + CONTRACT
            + ".storage.slot", "quantity"),
        Arguments.of(good.replace("\"blockGasLimit\": \"0x1c9c380\"", "\"blockGasLimit\": 100"), "blockGasLimit",
            "below"),
        // GOV-15: the genesis value is the default of the governed parameter, so it is in its range.
        Arguments.of(good.replace("\"blockGasLimit\": \"0x1c9c380\"", "\"blockGasLimit\": 2000000001"),
            "blockGasLimit", "above 2000000000"),
        Arguments.of(good.replace("\"chainId\": 77,", "\"chainId\": 77, \"chainId\": 78,"), "genesis", "JSON"),
        Arguments.of(good.substring(0, good.length() - 3), "genesis", "JSON"),
        Arguments.of("[]", "genesis", "object"),
        Arguments.of(good.replace(FUNDED, "0x000000000000000000000000000000000000f100"),
            "alloc.0x000000000000000000000000000000000000f100", "reserved for the validator governance contract"),
        Arguments.of(good.replace("\"" + VALIDATOR + "\"", validators(301)), "validators", "exceed the limit of 300"));
  }

  /** {@code count} distinct quoted addresses, comma separated. */
  private static String validators(int count) {
    StringBuilder list = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      list.append(i == 1 ? "" : ", ").append(String.format("\"0x%040x\"", i));
    }
    return list.toString();
  }

  /** GENESIS-2: a bad file is refused with the field named. */
  @ParameterizedTest
  @MethodSource("badFiles")
  void badFilesAreRefusedNamingTheField(String text, String field, String problem) {
    DecodingException error = assertThrows(DecodingException.class, () -> load(text));
    assertEquals(field, error.field(), error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  /** GENESIS-2: a file above the size bound is refused before it is parsed. */
  @Test
  void oversizedFileIsRefused() throws Exception {
    Path file = directory.resolve("huge.json");
    try (var out = Files.newOutputStream(file)) {
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i <= GenesisConfig.GENESIS_FILE_BYTES_MAX >> 20; i++) {
        out.write(chunk);
      }
    }
    DecodingException error = assertThrows(DecodingException.class, () -> GenesisConfig.load(file));
    assertTrue(error.getMessage().contains("above the limit"), error.getMessage());
  }

  /** GENESIS-6: the example in docs/spec/genesis.md is a valid file. */
  @Test
  void documentedExampleLoads() throws Exception {
    String text = Files.readString(
        Path.of(System.getProperty("project.root", ".."), "docs", "spec", "genesis.md"));
    int start = text.indexOf("```json") + "```json".length();
    GenesisConfig config = GenesisConfig.parse(
        text.substring(start, text.indexOf("```", start)).getBytes(StandardCharsets.UTF_8));
    assertEquals(FeeMode.ZERO_PRICE, config.feeMode());
  }
}
