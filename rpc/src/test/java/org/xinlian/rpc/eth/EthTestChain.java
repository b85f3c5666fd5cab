package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.BlockLimits;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.ExecutionSettings;
import org.xinlian.execution.Executions;
import org.xinlian.execution.FinalizedBlock;
import org.xinlian.execution.Proposal;
import org.xinlian.execution.ProposalRequest;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.pool.FeeMode;
import org.xinlian.execution.pool.PoolConfig;
import org.xinlian.execution.pool.PoolLimits;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.server.RpcServer;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * A one-node chain (genesis, ledger, execution port, pool) behind a real RpcServer on an
 * ephemeral port, built like execution's TestNode, with a manual clock for filter expiry.
 */
final class EthTestChain implements AutoCloseable {
  static final long CHAIN_ID = 4242;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final long BASE_FEE = 7;
  static final BigInteger FUNDS = BigInteger.TEN.pow(21);
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** A contract (in genesis) that reverts every call with Error("nope"), hand-assembled. */
  static final Address REVERTER = Address.fromHex("0x00000000000000000000000000000000000000aa");
  static final String REVERTER_CODE = "0x"
      + "7f08c379a000000000000000000000000000000000000000000000000000000000" + "600052"
      + "6020600452" + "6004602452"
      + "7f6e6f706500000000000000000000000000000000000000000000000000000000" + "604452"
      + "60646000fd";
  static final byte[] CERTIFICATE = {1};
  /** Loops until its gas runs out: JUMPDEST PUSH1 0 JUMP (in genesis). */
  static final Address LOOP = Address.fromHex("0x00000000000000000000000000000000000000bb");
  static final String LOOP_CODE = "0x5b600056";
  /** EthereumRpcTest's logger runtime (in genesis): LOG1 of the first call data word. */
  static final Address LOGGER = Address.fromHex("0x00000000000000000000000000000000000000cc");

  final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
  /** What net_peerCount reports: the node's connected peers. */
  final java.util.concurrent.atomic.AtomicInteger peers = new java.util.concurrent.atomic.AtomicInteger();
  final Clock clock = new Clock() {
    @Override
    public long currentTimeMillis() {
      return millis.get();
    }

    @Override
    public long nanoTime() {
      return millis.get() * 1_000_000;
    }
  };
  final CryptoSuite suite;
  final KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL);
  final StateDatabase states;
  final BlockStore blocks;
  final ExecutionPort port;
  final TransactionPool pool;
  final EthereumRpc rpc;
  final RpcServer server;
  final ExecutorService executor = Executors.newFixedThreadPool(2);
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final boolean zeroPrice;
  final long blockGasLimit;
  /** How long the last produceBlock's onBlockCommitted call took, in nanoseconds. */
  volatile long lastEventsNanos;

  EthTestChain(Path directory, String suiteName, boolean zeroPrice) throws Exception {
    this(directory, suiteName, zeroPrice, RpcLimits.defaults(), BLOCK_GAS_LIMIT);
  }

  /** A chain whose server has {@code limits} and whose blocks {@code blockGasLimit}. */
  EthTestChain(Path directory, String suiteName, boolean zeroPrice, RpcLimits limits,
      long blockGasLimit) throws Exception {
    this.suite = CryptoSuites.byName(suiteName);
    this.zeroPrice = zeroPrice;
    this.blockGasLimit = blockGasLimit;
    Path file = directory.resolve("genesis.json");
    Files.writeString(file, genesisJson(suiteName, zeroPrice), StandardCharsets.UTF_8);
    GenesisConfig genesis = GenesisConfig.load(file);
    Genesis.initialize(genesis, store);
    states = new StateDatabase(store, suite);
    blocks = BlockStore.open(store, suite);
    port = Executions.overLedger(ExecutionSettings.of(genesis), store, states, blocks, executor);
    pool = new TransactionPool(new PoolConfig(suite, CHAIN_ID, false, blockGasLimit,
        zeroPrice ? FeeMode.ZERO_PRICE : FeeMode.PRICED, zeroPrice ? BigInteger.ZERO : BigInteger.ONE,
        PoolLimits.defaults()), view(), clock);
    ChainInfo chain = new ChainInfo(CHAIN_ID);
    rpc = EthereumRpc.create(new EthereumRpcDependencies(chain, suite, blocks, states, port, pool,
        clock, peers::get), limits, meters);
    server = RpcServer.builder(RpcServerConfig.defaults().withPort(0).withLimits(limits), chain)
        .methods(rpc.methods()).subscriptionSources(rpc.subscriptionSources()).meterRegistry(meters)
        .build().start();
  }

  private String genesisJson(String suiteName, boolean zeroPrice) {
    StringBuilder alloc = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      alloc.append("    \"").append(address(i)).append("\": {\"balance\": \"").append(FUNDS)
          .append("\"},\n");
    }
    alloc.append("    \"").append(REVERTER).append("\": {\"balance\": \"0\", \"code\": \"")
        .append(REVERTER_CODE).append("\"},\n");
    alloc.append("    \"").append(LOOP).append("\": {\"balance\": \"0\", \"code\": \"")
        .append(LOOP_CODE).append("\"},\n");
    alloc.append("    \"").append(LOGGER).append("\": {\"balance\": \"0\", \"code\": \"0x")
        .append(EthereumRpcTest.LOGGER_RUNTIME).append("\"}");
    return "{\n  \"chainId\": " + CHAIN_ID + ",\n  \"suite\": \"" + suiteName + "\",\n"
        + "  \"timestamp\": \"0x6553f100\",\n  \"extraData\": \"0x78696e6c69616e\",\n"
        + "  \"blockGasLimit\": " + blockGasLimit + ",\n  \"blockIntervalMs\": 1000,\n"
        + "  \"feeMode\": \"" + (zeroPrice ? "zero-price" : "ethereum") + "\",\n"
        + (zeroPrice ? "" : "  \"baseFeePerGas\": \"" + BASE_FEE + "\",\n")
        + "  \"validators\": [\"" + address(9) + "\"],\n"
        + "  \"alloc\": {\n" + alloc + "\n  }\n}\n";
  }

  /** The pool's view of the head state, with the chain's constant base fee. */
  PoolStateView view() {
    BlockHeader head = blocks.head().orElseThrow();
    var state = states.stateAt(head.stateRoot());
    BigInteger baseFee = zeroPrice ? BigInteger.ZERO : BigInteger.valueOf(BASE_FEE);
    return new PoolStateView() {
      @Override
      public long nonce(Address account) {
        return state.nonce(account);
      }

      @Override
      public BigInteger balance(Address account) {
        return state.balance(account).toBigInteger();
      }

      @Override
      public BigInteger baseFeePerGas() {
        return baseFee;
      }
    };
  }

  KeyPair key(int i) {
    byte[] scalar = new byte[32];
    scalar[31] = (byte) (i + 1);
    scalar[0] = 0x11;
    return suite.keyPairFromPrivateKey(scalar);
  }

  Address address(int i) {
    return suite.address(key(i).publicKey());
  }

  /** The raw envelope of {@code unsigned} signed by key {@code i}, as a wallet would send it. */
  String signed(int i, UnsignedTransaction unsigned) {
    TransactionCodec codec = TransactionCodec.of(suite);
    Transaction transaction = codec.sign(unsigned, key(i).privateKey());
    return EthJson.data(codec.encode(transaction));
  }

  /**
   * Produces one block from the pool through the execution port, as the node's producer does:
   * prepareProposal, finalizeBlock, commit, then the pool and the RPC layer are told.
   */
  Proposal produceBlock() {
    BlockHeader head = blocks.head().orElseThrow();
    Proposal proposal = port.prepareProposal(new ProposalRequest(head.number() + 1,
        head.hash(suite), head.timestamp() + 1, address(9),
        pool.candidates(blockGasLimit, 10_000, Long.MAX_VALUE),
        new BlockLimits(blockGasLimit, Long.MAX_VALUE, 10_000)));
    FinalizedBlock finalized = port.finalizeBlock(proposal.block());
    port.commit(finalized, CERTIFICATE);
    List<Hash> included = proposal.block().transactions().stream().map(t -> t.hash(suite)).toList();
    pool.onBlockCommitted(included, view());
    long start = System.nanoTime();
    rpc.events().onBlockCommitted(proposal.block(), proposal.receipts());
    lastEventsNanos = System.nanoTime() - start;
    return proposal;
  }

  URI webSocketUri() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/");
  }

  /** One JSON-RPC call over HTTP; returns the whole response object. */
  JsonNode request(String method, String paramsJson) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":"
        + paramsJson + "}";
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  /** The result of a call that must succeed. */
  JsonNode call(String method, String paramsJson) throws Exception {
    JsonNode response = request(method, paramsJson);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  /** The error of a call that must fail. */
  JsonNode error(String method, String paramsJson) throws Exception {
    JsonNode response = request(method, paramsJson);
    if (!response.has("error")) {
      throw new AssertionError(method + " should fail but answered " + response.get("result"));
    }
    return response.get("error");
  }

  @Override
  public void close() {
    server.close();
    rpc.close();
    executor.shutdownNow();
    store.close();
  }
}
