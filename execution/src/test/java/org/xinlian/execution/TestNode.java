package org.xinlian.execution;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.ledger.state.StateRetention;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/** One node's ledger and execution port, started from a genesis file, for tests. */
final class TestNode implements AutoCloseable {
  static final long CHAIN_ID = 4242;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final long BASE_FEE = 7;
  static final BlockLimits NO_LIMITS = new BlockLimits(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);

  final KeyValueStore store;
  final StateDatabase states;
  final BlockStore blocks;
  final ExecutionPort port;
  final CryptoSuite suite;

  TestNode(KeyValueStore store, GenesisConfig genesis, Executor executor) {
    this(store, genesis, executor, KnownTransactions.none());
  }

  TestNode(KeyValueStore store, GenesisConfig genesis, Executor executor, KnownTransactions known) {
    this(store, genesis, executor, known, null);
  }

  /** @param retention the state retention, or null for the state database's default */
  TestNode(KeyValueStore store, GenesisConfig genesis, Executor executor, KnownTransactions known,
      StateRetention retention) {
    this(store, genesis, executor, known, retention, null, Optional.empty());
  }

  /**
   * @param parameters where the system parameters come from instead of the state (GOV-15 tests),
   *     or empty for the port's own
   */
  TestNode(KeyValueStore store, GenesisConfig genesis, Executor executor, KnownTransactions known,
      StateRetention retention, Optional<ParametersInForce.Source> parameters) {
    this(store, genesis, executor, known, retention, null, parameters);
  }

  /**
   * @param retention the state retention, or null for the state database's default
   * @param policy the access policy to enforce, or null for the chain's
   */
  private TestNode(KeyValueStore store, GenesisConfig genesis, Executor executor, KnownTransactions known,
      StateRetention retention, AccessPolicy policy, Optional<ParametersInForce.Source> parameters) {
    this.store = store;
    Genesis.initialize(genesis, store);
    this.suite = CryptoSuites.byName(genesis.suite());
    this.states = retention == null ? new StateDatabase(store, suite) : new StateDatabase(store, suite, retention);
    this.blocks = BlockStore.open(store, suite);
    ExecutionSettings settings = ExecutionSettings.of(genesis);
    if (policy != null) {
      this.port = new LedgerExecution(settings, store, states, blocks, executor, known, policy);
    } else if (parameters.isPresent()) {
      this.port = new LedgerExecution(settings, store, states, blocks, executor, known, parameters);
    } else {
      this.port = Executions.overLedger(settings, store, states, blocks, executor, known);
    }
  }

  /** A node in memory whose parameters come from {@code parameters} (GOV-15 tests). */
  static TestNode withParameters(GenesisConfig genesis, Executor executor, ParametersInForce.Source parameters) {
    return new TestNode(KeyValueStores.inMemory(LedgerNamespaces.ALL), genesis, executor,
        KnownTransactions.none(), null, Optional.of(parameters));
  }

  static TestNode inMemory(GenesisConfig genesis, Executor executor) {
    return new TestNode(KeyValueStores.inMemory(LedgerNamespaces.ALL), genesis, executor);
  }

  /** A node enforcing {@code policy} (a test double) instead of the chain's. */
  static TestNode inMemory(GenesisConfig genesis, Executor executor, AccessPolicy policy) {
    return new TestNode(KeyValueStores.inMemory(LedgerNamespaces.ALL), genesis, executor,
        KnownTransactions.none(), null, policy, Optional.empty());
  }

  /** The i-th test key of a suite: private scalar i + 1. */
  static KeyPair key(CryptoSuite suite, int i) {
    byte[] scalar = new byte[32];
    scalar[31] = (byte) (i + 1);
    scalar[0] = 0x11;
    return suite.keyPairFromPrivateKey(scalar);
  }

  static Address address(CryptoSuite suite, int i) {
    return suite.address(key(suite, i).publicKey());
  }

  /** Genesis JSON funding keys 0..2 with {@code balance} each; extra alloc entries appended raw. */
  static String genesisJson(String suiteName, String feeMode, BigInteger balance, String extraAlloc) {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    StringBuilder alloc = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      alloc.append(i == 0 ? "" : ",\n").append("    \"").append(address(suite, i))
          .append("\": {\"balance\": \"").append(balance).append("\"}");
    }
    alloc.append(extraAlloc);
    return "{\n  \"chainId\": " + CHAIN_ID + ",\n  \"suite\": \"" + suiteName + "\",\n"
        + "  \"timestamp\": \"0x6553f100\",\n  \"extraData\": \"0x78696e6c69616e\",\n"
        + "  \"blockGasLimit\": " + BLOCK_GAS_LIMIT + ",\n  \"blockIntervalMs\": 1000,\n"
        + "  \"feeMode\": \"" + feeMode + "\",\n"
        + (feeMode.equals("ethereum") ? "  \"baseFeePerGas\": \"" + BASE_FEE + "\",\n" : "")
        + "  \"validators\": [\"" + address(suite, 9) + "\"],\n"
        + "  \"alloc\": {\n" + alloc + "\n  }\n}\n";
  }

  static GenesisConfig writeAndLoad(Path directory, String json) throws Exception {
    Path file = directory.resolve("genesis-" + Integer.toHexString(json.hashCode()) + ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return GenesisConfig.load(file);
  }

  VerifiedTransaction transfer(int keyIndex, long nonce, Address to, long value, long gasPrice) {
    return sign(keyIndex, new UnsignedTransaction.Legacy(nonce, BigInteger.valueOf(gasPrice), 21_000,
        Optional.of(to), BigInteger.valueOf(value), new byte[0], OptionalLong.of(CHAIN_ID)));
  }

  VerifiedTransaction sign(int keyIndex, UnsignedTransaction unsigned) {
    TransactionCodec codec = TransactionCodec.of(suite);
    Transaction signed = codec.sign(unsigned, key(suite, keyIndex).privateKey());
    return codec.verify(codec.encode(signed));
  }

  BlockHeader head() {
    return blocks.head().orElseThrow();
  }

  Hash headHash() {
    return head().hash(suite);
  }

  ProposalRequest request(List<VerifiedTransaction> candidates) {
    BlockHeader head = head();
    return new ProposalRequest(head.number() + 1, head.hash(suite), head.timestamp() + 1,
        address(suite, 9), new ArrayList<>(candidates), NO_LIMITS);
  }

  UInt256 balance(Address address) {
    return states.stateAt(head().stateRoot()).balance(address);
  }

  long nonce(Address address) {
    return states.stateAt(head().stateRoot()).nonce(address);
  }

  @Override
  public void close() {
    store.close();
  }
}
