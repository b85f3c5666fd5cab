package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.BlockLimits;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.ExecutionSettings;
import org.xinlian.execution.Executions;
import org.xinlian.execution.Proposal;
import org.xinlian.execution.ProposalRequest;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.pool.FeeMode;
import org.xinlian.execution.pool.PoolConfig;
import org.xinlian.execution.pool.PoolLimits;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.eth.EthereumRpc;
import org.xinlian.rpc.eth.EthereumRpcDependencies;
import org.xinlian.rpc.server.RpcServer;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * A one-node chain (genesis, ledger, execution port, pool) behind a real RpcServer serving the
 * Ethereum and governance methods as the node wires them, permissioned or not (GOV-1).
 *
 * <p>Keys 0, 1 and 2 are governors (0 and 2 of {@code org1}, 1 of {@code org2}, weight 1 each);
 * 3 is an operator and 4 a user of {@code org1}; 5 holds nothing; 9 is the validator (of
 * {@code org1}). Transactions go through eth_sendRawTransaction and the pool, as a wallet's do.
 */
final class GovernanceTestChain implements AutoCloseable {
  static final long CHAIN_ID = 4343;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final long BLOCK_INTERVAL_MS = 1500;
  static final long GAS = 2_000_000;
  static final int OPERATOR = 3;
  static final int USER = 4;
  static final int OUTSIDER = 5;
  static final int VALIDATOR = 9;
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] CERTIFICATE = {1};

  final CryptoSuite suite;
  final KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL);
  final StateDatabase states;
  final BlockStore blocks;
  final ExecutionPort port;
  final TransactionPool pool;
  final EthereumRpc rpc;
  final RpcServer server;
  final ExecutorService executor = Executors.newFixedThreadPool(2);
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  GovernanceTestChain(Path directory, String suiteName, boolean permissioned) throws Exception {
    this.suite = CryptoSuites.byName(suiteName);
    Path file = directory.resolve("genesis.json");
    Files.writeString(file, genesisJson(permissioned), StandardCharsets.UTF_8);
    GenesisConfig genesis = GenesisConfig.load(file);
    Genesis.initialize(genesis, store);
    states = new StateDatabase(store, suite);
    blocks = BlockStore.open(store, suite);
    port = Executions.overLedger(ExecutionSettings.of(genesis), store, states, blocks, executor);
    pool = new TransactionPool(new PoolConfig(suite, CHAIN_ID, false, BLOCK_GAS_LIMIT, FeeMode.ZERO_PRICE,
        BigInteger.ZERO, PoolLimits.defaults()), view(), Clock.system());
    ChainInfo chain = new ChainInfo(CHAIN_ID, genesis.permissioned());
    EthereumRpcDependencies dependencies = new EthereumRpcDependencies(chain, suite, blocks, states, port, pool,
        Clock.system());
    rpc = EthereumRpc.create(dependencies);
    server = RpcServer.builder(RpcServerConfig.defaults().withPort(0), chain)
        .methods(rpc.methods()).methods(GovernanceRpc.methods(dependencies, genesis)).build().start();
  }

  private String genesisJson(boolean permissioned) {
    StringBuilder alloc = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      alloc.append(i == 0 ? "" : ",").append("\"").append(address(i)).append("\": {\"balance\": \"1000000000000000000000\"}");
    }
    String governance = !permissioned ? "" : ", \"governance\": {"
        + "\"organisations\": [" + organisation("org1", 100) + ", " + organisation("org2", 1) + "], "
        + "\"governors\": [" + member(0, "org1", ", \"weight\": 1") + ", " + member(1, "org2", "") + ", "
        + member(2, "org1", "") + "], "
        + "\"nodes\": [" + member(VALIDATOR, "org1", ", \"role\": \"validator\"") + "], "
        + "\"accounts\": [" + member(OPERATOR, "org1", ", \"roles\": [\"operator\"]") + ", "
        + member(USER, "org1", ", \"roles\": [\"user\"]") + "]}";
    return "{\"chainId\": " + CHAIN_ID + ", \"suite\": \"" + suite.name() + "\", \"blockGasLimit\": " + BLOCK_GAS_LIMIT
        + ", \"blockIntervalMs\": " + BLOCK_INTERVAL_MS + ", \"feeMode\": \"zero-price\", \"validators\": [\""
        + address(VALIDATOR) + "\"], \"alloc\": {" + alloc + "}" + governance + "}";
  }

  private String organisation(String id, long quota) {
    return "{\"id\": \"" + id + "\", \"name\": \"Organisation " + id + "\", \"caCertificate\": \""
        + caPem(id).replace("\n", "\\n") + "\", \"userQuota\": " + quota + "}";
  }

  String caPem(String id) {
    KeyPair ca = key(20 + Math.floorMod(id.hashCode(), 7));
    return suite.certificateToPem(suite.issueCertificate(new CertificateRequest("CN=" + id + " CA,O=" + id,
        ca.publicKey(), ca, null, BigInteger.ONE, Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2035-01-01T00:00:00Z"), true, List.of(), List.of())));
  }

  private String member(int key, String organisation, String more) {
    return "{\"address\": \"" + address(key) + "\", \"organisation\": \"" + organisation + "\"" + more + "}";
  }

  private PoolStateView view() {
    var state = states.stateAt(blocks.head().orElseThrow().stateRoot());
    return new PoolStateView() {
      @Override
      public long nonce(Address account) {
        return state.nonce(account);
      }

      @Override
      public BigInteger balance(Address account) {
        return state.balance(account).toBigInteger();
      }
    };
  }

  KeyPair key(int i) {
    byte[] scalar = new byte[32];
    scalar[31] = (byte) (i + 1);
    scalar[0] = 0x22;
    return suite.keyPairFromPrivateKey(scalar);
  }

  Address address(int i) {
    return suite.address(key(i).publicKey());
  }

  BlockHeader head() {
    return blocks.head().orElseThrow();
  }

  /** Signs a call of {@code to} by key {@code i} and hands it to eth_sendRawTransaction. */
  Hash send(int i, Optional<Address> to, byte[] data) throws Exception {
    long nonce = Long.decode(call("eth_getTransactionCount", "[\"" + address(i) + "\", \"pending\"]").asText());
    TransactionCodec codec = TransactionCodec.of(suite);
    Transaction transaction = codec.sign(new UnsignedTransaction.Legacy(nonce, BigInteger.ZERO, GAS, to,
        BigInteger.ZERO, data, OptionalLong.of(CHAIN_ID)), key(i).privateKey());
    return Hash.fromHex(call("eth_sendRawTransaction", "[\"" + Hex.encode(codec.encode(transaction)) + "\"]").asText());
  }

  /** Sends one transaction to the governance contract and mines it in its own block; returns its receipt. */
  Receipt governance(int i, byte[] data) throws Exception {
    send(i, Optional.of(Governance.ADDRESS), data);
    return produceBlock().receipts().get(0);
  }

  /** Produces one block from the pool through the execution port, as the node's producer does. */
  Proposal produceBlock() {
    BlockHeader head = head();
    Proposal proposal = port.prepareProposal(new ProposalRequest(head.number() + 1, head.hash(suite),
        head.timestamp() + 1, address(VALIDATOR), pool.candidates(BLOCK_GAS_LIMIT, 10_000, Long.MAX_VALUE),
        new BlockLimits(BLOCK_GAS_LIMIT, Long.MAX_VALUE, 10_000)));
    port.commit(port.finalizeBlock(proposal.block()), CERTIFICATE);
    List<Hash> included = new ArrayList<>();
    proposal.block().transactions().forEach(t -> included.add(t.hash(suite)));
    pool.onBlockCommitted(included, view());
    return proposal;
  }

  JsonNode request(String method, String paramsJson) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
