package org.xinlian.node;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CertificateVerdict;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.execution.governance.ValidatorSetUpdate;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * An in-process BFT network on 127.0.0.1 for tests: the file layout of {@code xinlian network
 * init} (docs/spec/node.md NODE-8) written into a temporary directory, with a consortium CA on the
 * suite, a transport CA (P-256, or SM2 on gm chains), node keys and certificates generated here, real RocksDB directories
 * and real sockets. Nodes start from their config.json through {@link NodeConfig#load}.
 */
final class BftTestNetwork implements AutoCloseable {
  static final long CHAIN_ID = 31_337;
  /** Generous: a loaded CI machine may be slow; every wait ends as soon as its condition holds. */
  static final Duration DEADLINE = Duration.ofSeconds(60);
  static final BigInteger ONE_GWEI = BigInteger.TEN.pow(9);
  /** Short rounds and a quick empty block, so heights move fast on localhost. */
  static final long ROUND_TIMEOUT_MS = 1_000;
  /** The genesis block interval (GOV-15): how long a proposer waits before an empty block. */
  static final long BLOCK_INTERVAL_MS = 200;
  /** A small lag starts a bulk block sync, so restarts exercise it too. */
  static final int SYNC_LAG_HEIGHTS = 3;

  final CryptoSuite suite;
  final Path directory;
  final List<Address> addresses = new ArrayList<>();
  /** Each node's key, which signs its votes and, in governance tests, validator set updates. */
  final List<KeyPair> nodeKeys = new ArrayList<>();
  final List<Path> configFiles = new ArrayList<>();
  final List<KeyPair> accounts = new ArrayList<>();
  /** The genesis validators: the first {@code validatorCount} nodes. */
  final ValidatorSet validators;
  private final int validatorCount;
  /** Whether genesis has a governance section (GOV-1), with dev account 0 as its one governor. */
  private final boolean permissioned;
  private final Node[] nodes;

  private BftTestNetwork(CryptoSuite suite, Path directory, int size, int validatorCount,
      boolean permissioned) {
    this.suite = suite;
    this.directory = directory;
    this.nodes = new Node[size];
    this.validatorCount = validatorCount;
    this.permissioned = permissioned;
    for (int i = 0; i < DevChain.ACCOUNTS.size(); i++) {
      accounts.add(suite.keyPairFromPrivateKey(DevChain.privateKey(i)));
    }
    try {
      writeFiles(size);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    this.validators = ValidatorSet.equalPower(addresses.subList(0, validatorCount));
  }

  static BftTestNetwork create(Path directory, String suiteName, int size) {
    return create(directory, suiteName, size, size);
  }

  /**
   * {@code size} nodes of which the first {@code validatorCount} are the genesis validators; the
   * others start as followers (and are refused by the validators until the chain schedules them).
   */
  static BftTestNetwork create(Path directory, String suiteName, int size, int validatorCount) {
    return new BftTestNetwork(CryptoSuites.byName(suiteName), directory, size, validatorCount, false);
  }

  /**
   * As {@link #create(Path, String, int, int)} on a permissioned chain (docs/spec/governance.md
   * GOV-1): one organisation {@code org1} (the test consortium CA), dev account 0 its only
   * governor (weight 1, so its own vote passes a proposal), the genesis validators its nodes.
   */
  static BftTestNetwork createPermissioned(Path directory, String suiteName, int size, int validatorCount) {
    return new BftTestNetwork(CryptoSuites.byName(suiteName), directory, size, validatorCount, true);
  }

  private void writeFiles(int size) throws IOException {
    SecureRandom random = new SecureRandom();
    Instant now = Instant.now();
    Instant from = now.minus(Duration.ofDays(1));
    Instant to = now.plus(Duration.ofDays(365));
    TransportCertificates transport = CryptoSuites.transport(suite);
    KeyPair caKey = suite.generateKeyPair(random);
    X509Certificate ca = suite.issueCertificate(new CertificateRequest("CN=test consortium CA,O=Xinlian",
        caKey.publicKey(), caKey, null, BigInteger.ONE, from, to, true, List.of(), List.of()));
    java.security.KeyPair transportCaKey = transport.generateKeyPair(random);
    X509Certificate transportCa = transport.issueCertificate(new TransportCertificateRequest(
        "CN=test transport CA,O=Xinlian", transportCaKey.getPublic(), transportCaKey.getPrivate(),
        null, BigInteger.ONE, from, to, true, random));
    Path caDirectory = Files.createDirectories(directory.resolve("ca"));
    Files.writeString(caDirectory.resolve("consortium-ca.pem"), suite.certificateToPem(ca));
    Files.writeString(caDirectory.resolve("transport-ca.pem"), transport.certificateToPem(transportCa));
    List<Integer> ports = freePorts(size);
    for (int i = 0; i < size; i++) {
      Path node = Files.createDirectories(directory.resolve("node" + i));
      KeyPair key = suite.generateKeyPair(random);
      nodeKeys.add(key);
      addresses.add(suite.address(key.publicKey()));
      BigInteger serial = BigInteger.valueOf(10 + i);
      X509Certificate certificate = suite.issueCertificate(new CertificateRequest(
          "CN=node" + i + ",O=Xinlian", key.publicKey(), caKey, ca, serial, from, to, false,
          List.of(), List.of("127.0.0.1")));
      java.security.KeyPair transportKey = transport.generateKeyPair(random);
      X509Certificate transportCertificate = transport.issueCertificate(new TransportCertificateRequest(
          "CN=node" + i + " transport,O=Xinlian", transportKey.getPublic(), transportCaKey.getPrivate(),
          transportCa, serial, from, to, false, random));
      Files.writeString(node.resolve("node.key.pem"), suite.privateKeyToPem(key.privateKey()));
      Files.writeString(node.resolve("node.pem"), suite.certificateToPem(certificate));
      Files.writeString(node.resolve("transport.key.pem"), transport.privateKeyToPem(transportKey.getPrivate()));
      Files.writeString(node.resolve("transport.pem"), transport.certificateToPem(transportCertificate));
      StringBuilder peers = new StringBuilder();
      for (int j = 0; j < size; j++) {
        if (j != i) {
          peers.append(peers.length() == 0 ? "" : ", ").append("\"127.0.0.1:").append(ports.get(j)).append('"');
        }
      }
      Path config = node.resolve("config.json");
      Files.writeString(config, """
          {"dataDirectory": "data", "genesisFile": "../genesis.json",
           "rpc": {"host": "127.0.0.1", "port": 0},
           "nodeKeyFile": "node.key.pem",
           "p2p": {"host": "127.0.0.1", "port": %d, "peers": [%s],
                   "nodeCertificateFile": "node.pem", "consortiumCaFile": "../ca/consortium-ca.pem",
                   "transportKeyFile": "transport.key.pem", "transportCertificateFile": "transport.pem",
                   "transportCaFile": "../ca/transport-ca.pem"},
           "consensus": {"roundTimeoutMs": %d, "blockIntervalMs": 0}}
          """.formatted(ports.get(i), peers, ROUND_TIMEOUT_MS));
      configFiles.add(config);
    }
    Files.writeString(directory.resolve("genesis.json"), genesis(now.getEpochSecond() - 10,
        suite.certificateToPem(ca)));
  }

  /**
   * The design's genesis: the nodes as validators, the dev accounts (on this suite) funded, and
   * on a permissioned network the governance section.
   */
  private String genesis(long timestamp, String caPem) {
    StringBuilder validatorList = new StringBuilder();
    for (Address address : addresses.subList(0, validatorCount)) {
      validatorList.append(validatorList.length() == 0 ? "" : ", ").append('"').append(address).append('"');
    }
    StringBuilder alloc = new StringBuilder();
    for (KeyPair account : accounts) {
      alloc.append(alloc.length() == 0 ? "" : ", ").append('"').append(suite.address(account.publicKey()))
          .append("\": {\"balance\": \"").append(DevChain.ACCOUNT_BALANCE_WEI).append("\"}");
    }
    return "{\"chainId\": " + CHAIN_ID + ", \"suite\": \"" + suite.name() + "\", \"timestamp\": "
        + timestamp + ", \"blockGasLimit\": 30000000, \"blockIntervalMs\": " + BLOCK_INTERVAL_MS
        + ", \"feeMode\": \"ethereum\","
        + " \"baseFeePerGas\": \"0\", \"validators\": [" + validatorList + "], \"alloc\": {" + alloc + "}"
        + (permissioned ? ", " + governance(caPem) : "") + "}";
  }

  private String governance(String caPem) {
    StringBuilder nodeList = new StringBuilder();
    for (Address address : addresses.subList(0, validatorCount)) {
      nodeList.append(nodeList.length() == 0 ? "" : ", ").append("{\"address\": \"").append(address)
          .append("\", \"organisation\": \"org1\", \"role\": \"validator\"}");
    }
    return "\"governance\": {\"organisations\": [{\"id\": \"org1\", \"name\": \"Test consortium\","
        + " \"caCertificate\": \"" + caPem.replace("\n", "\\n") + "\"}],"
        + " \"governors\": [{\"address\": \"" + suite.address(accounts.get(0).publicKey())
        + "\", \"organisation\": \"org1\"}], \"nodes\": [" + nodeList + "]}";
  }

  /** Ports the kernel just handed out: free now, and the configs need them before any node binds. */
  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  Node start(int index) {
    nodes[index] = Node.start(NodeConfig.load(configFiles.get(index)), Clock.system(), SYNC_LAG_HEIGHTS);
    return nodes[index];
  }

  void startAll() {
    for (int i = 0; i < nodes.length; i++) {
      start(i);
    }
  }

  void stop(int index) {
    nodes[index].close();
    nodes[index] = null;
  }

  Node node(int index) {
    return nodes[index];
  }

  /** The nodes running now. */
  List<Node> running() {
    List<Node> running = new ArrayList<>();
    for (Node node : nodes) {
      if (node != null) {
        running.add(node);
      }
    }
    return running;
  }

  /** A signed EIP-155 legacy transfer of 1 gwei from dev account {@code from} on this suite. */
  byte[] transfer(int from, long nonce, Address to) {
    TransactionCodec codec = TransactionCodec.of(suite);
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, ONE_GWEI, 21_000,
        Optional.of(to), ONE_GWEI, new byte[0], OptionalLong.of(CHAIN_ID));
    return codec.encode(codec.sign(unsigned, accounts.get(from).privateKey()));
  }

  /**
   * A signed transaction from dev account {@code from} to the validator governance contract whose
   * data is {@code epoch} signed by the node keys of {@code signerNodes} (docs/adr/0009).
   */
  byte[] governance(int from, long nonce, ValidatorEpoch epoch, List<Integer> signerNodes) {
    Hash genesisHash = running().get(0).blocks().canonicalHash(0).orElseThrow();
    byte[] digest = ValidatorSetUpdate.digest(suite, CHAIN_ID, genesisHash, epoch);
    ValidatorSetUpdate update = new ValidatorSetUpdate(epoch, signerNodes.stream()
        .map(node -> suite.sign(nodeKeys.get(node).privateKey(), digest)).toList());
    TransactionCodec codec = TransactionCodec.of(suite);
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, ONE_GWEI, 1_000_000,
        Optional.of(ValidatorGovernance.ADDRESS), BigInteger.ZERO, update.encode(suite), OptionalLong.of(CHAIN_ID));
    return codec.encode(codec.sign(unsigned, accounts.get(from).privateKey()));
  }

  /** A signed transaction from dev account {@code from} calling the governance contract (GOV-2). */
  byte[] governanceCall(int from, long nonce, byte[] data) {
    TransactionCodec codec = TransactionCodec.of(suite);
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, ONE_GWEI, 1_000_000,
        Optional.of(Governance.ADDRESS), BigInteger.ZERO, data, OptionalLong.of(CHAIN_ID));
    return codec.encode(codec.sign(unsigned, accounts.get(from).privateKey()));
  }

  Hash hashOf(byte[] rawTransaction) {
    return suite.hashOf(rawTransaction);
  }

  /** Polls until {@code condition} holds; fails naming {@code what} at the deadline. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still waiting after " + DEADLINE + " for " + what);
      }
      Thread.sleep(20);
    }
  }

  static long height(Node node) {
    return node.head().number();
  }

  /**
   * Checks that the given nodes agree on the block hash at every height from 1 to the lowest of
   * their heads, and that each stored certificate decodes and verifies for its block against the
   * validator set; returns the heights checked.
   */
  long assertSameChain(List<Node> group) {
    return assertSameChain(group, height -> validators);
  }

  /** As {@link #assertSameChain(List)}, each certificate checked against {@code setOf} its height. */
  long assertSameChain(List<Node> group, LongFunction<ValidatorSet> setOf) {
    long top = group.stream().mapToLong(BftTestNetwork::height).min().orElseThrow();
    for (long height = 1; height <= top; height++) {
      Set<Hash> hashes = new HashSet<>();
      for (Node node : group) {
        BlockHeader header = node.blocks().header(height).orElseThrow();
        hashes.add(header.hash(suite));
        CertificateVerdict verdict = CommitCertificate.decode(header.commitCertificate(), suite)
            .verifyFor(header, setOf.apply(height), suite);
        if (!verdict.isValid()) {
          throw new AssertionError("height " + height + ": " + verdict);
        }
      }
      if (hashes.size() != 1) {
        throw new AssertionError("nodes disagree at height " + height + ": " + hashes);
      }
    }
    return top;
  }

  @Override
  public void close() {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null) {
        stop(i);
      }
    }
  }
}
