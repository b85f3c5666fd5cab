package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.pool.PoolLimits;
import org.xinlian.ledger.state.StateRetention;
import org.xinlian.network.PeerAddress;
import org.xinlian.node.consensus.ConsensusConfig;
import org.xinlian.node.consensus.P2pConfig;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcPermission;

class NodeConfigTest {
  private static final Path BASE = Path.of("/srv/node");

  private static NodeConfig parse(String json) {
    return NodeConfig.parse(json.getBytes(StandardCharsets.UTF_8), BASE);
  }

  /** NODE-1: every field read, relative paths against the file's directory. */
  @Test
  void fullConfigIsRead() {
    NodeConfig config = parse("""
        {"dataDirectory": "data", "genesisFile": "/etc/xinlian/genesis.json",
         "coinbase": "0x00000000000000000000000000000000000000aa",
         "rpc": {"host": "0.0.0.0", "port": 9545, "corsOrigins": ["http://localhost:3000"],
                 "permissions": ["admin", "debug"], "auth": {"required": false},
                 "limits": {"callGasCap": 25000000, "callTimeoutMs": 2000, "connectionsPerAddressMax": 8,
                            "idleTimeoutMs": 30000, "filtersPerAddressMax": 10, "logsResultMax": 500}},
         "pool": {"transactionsMax": 100, "perSenderMax": 10, "bytesMax": 100000,
                  "queuedLifetimeMs": 60000, "minimumPriorityFeePerGas": 7},
         "stateRetention": "archive",
         "blockProduction": {"minimumSpacingMs": 250, "emptyBlockIntervalMs": 5000}}
        """);
    assertEquals(BASE.resolve("data"), config.dataDirectory());
    assertEquals(Path.of("/etc/xinlian/genesis.json"), config.genesisFile());
    assertEquals(Optional.of(Address.fromHex("0x00000000000000000000000000000000000000aa")), config.coinbase());
    assertEquals("0.0.0.0", config.rpc().host());
    assertEquals(9545, config.rpc().port());
    assertEquals(List.of("http://localhost:3000"), config.rpc().corsAllowedOrigins());
    assertEquals(Set.of(RpcPermission.ADMIN, RpcPermission.DEBUG), config.rpc().enabledPermissions());
    assertEquals(RpcLimits.builder().set("callGasCap", 25_000_000).set("callTimeoutMs", 2_000)
        .set("connectionsPerAddressMax", 8).set("idleTimeoutMs", 30_000).set("filtersPerAddressMax", 10)
        .set("logsResultMax", 500).build(), config.rpc().limits());
    assertEquals(new PoolLimits(100, 10, 100000, 60000), config.pool());
    assertEquals(BigInteger.valueOf(7), config.minimumPriorityFeePerGas());
    assertEquals(StateRetention.ARCHIVE, config.stateRetention());
    assertEquals(new NodeConfig.BlockProduction(250, 5000), config.blockProduction());
  }

  /** NODE-1: absent sections take the documented defaults. */
  @Test
  void defaultsApply() {
    NodeConfig config = parse("{\"dataDirectory\": \"d\", \"genesisFile\": \"g.json\"}");
    assertEquals("127.0.0.1", config.rpc().host());
    assertEquals(8545, config.rpc().port());
    assertEquals(Set.of(), config.rpc().enabledPermissions());
    assertEquals(RpcLimits.defaults(), config.rpc().limits());
    assertEquals(StateRetention.lastBlocks(128), config.stateRetention());
    assertEquals(new NodeConfig.BlockProduction(0, 0), config.blockProduction());
    assertEquals(PoolLimits.defaults(), config.pool());
    assertEquals(Optional.empty(), config.coinbase());
  }

  /** NODE-1: each mistake is refused, naming the field. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"genesisFile\": \"g\"}|dataDirectory",
    "{\"dataDirectory\": \"d\"}|genesisFile",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"colour\": 1}|colour",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"port\": 70000}}|rpc.port",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"prot\": 1}}|rpc.prot",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"permissions\": [\"root\"]}}|rpc.permissions.0",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": 5}}|rpc.limits",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"callTimeout\": 5}}}|rpc.limits.callTimeout",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"callTimeoutMs\": 0}}}|rpc.limits.callTimeoutMs",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"callGasCap\": \"50000000\"}}}|rpc.limits.callGasCap",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"filtersMax\": 1.5}}}|rpc.limits.filtersMax",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"workerThreads\": 99999999999999999999}}}|rpc.limits.workerThreads",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"pool\": {\"transactionsMax\": 0}}|pool.transactionsMax",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"stateRetention\": 0}|stateRetention",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"stateRetention\": \"all\"}|stateRetention",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"coinbase\": \"0x12\"}|coinbase",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"blockProduction\": {\"minimumSpacingMs\": -1}}|blockProduction.minimumSpacingMs",
    "{\"dataDirectory\": \"d\", \"dataDirectory\": \"e\", \"genesisFile\": \"g\"}|config",
    "[1]|config",
    "{\"dataDirectory\": 5, \"genesisFile\": \"g\"}|dataDirectory",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"p2p\": {}}|nodeKeyFile",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"nodeKeyFile\": \"k\", \"p2p\": {}}|p2p.nodeCertificateFile",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"nodeKeyFile\": \"k\", \"p2p\": 3}|p2p",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"nodeKeyFile\": 1}|nodeKeyFile",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"consensus\": {\"roundTimeoutMs\": 5}}|consensus.roundTimeoutMs",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"consensus\": {\"blockIntervalMs\": -1}}|consensus.blockIntervalMs",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"consensus\": {\"timeout\": 1}}|consensus.timeout",
  })
  void mistakesNameTheField(String json, String field) {
    DecodingException error = assertThrows(DecodingException.class, () -> parse(json));
    assertEquals(field, error.field(), error.getMessage());
  }

  /** NODE-1 NODE-21: an RPC limit out of range is refused with its range. */
  @Test
  void rpcLimitMistakesSayWhatIsAllowed() {
    DecodingException range = assertThrows(DecodingException.class, () -> parse(
        "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"callTimeoutMs\": 0}}}"));
    assertEquals("rpc.limits.callTimeoutMs: must be 10 to 86400000, got 0", range.getMessage());
    DecodingException unknown = assertThrows(DecodingException.class, () -> parse(
        "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"rpc\": {\"limits\": {\"gasCap\": 1}}}"));
    assertTrue(unknown.getMessage().startsWith("rpc.limits.gasCap: unknown field (known: batchSizeMax, callGasCap,"),
        unknown.getMessage());
  }

  private static final String P2P_FILES = """
      "nodeCertificateFile": "node.pem", "consortiumCaFile": "../ca/consortium-ca.pem",
      "transportKeyFile": "transport.key.pem", "transportCertificateFile": "transport.pem",
      "transportCaFile": "../ca/transport-ca.pem"
      """;

  /** NODE-1: the design's node file (network init writes it): key, P2P section and timing. */
  @Test
  void networkNodeConfigIsRead() {
    NodeConfig config = parse("""
        {"dataDirectory": "data", "genesisFile": "../genesis.json",
         "rpc": {"host": "127.0.0.1", "port": 8545},
         "nodeKeyFile": "node.key.pem",
         "p2p": {"host": "127.0.0.1", "port": 30300,
                 "peers": ["127.0.0.1:30301", "127.0.0.1:30302", "127.0.0.1:30303"],
                 "allowedNodes": ["0x00000000000000000000000000000000000000aa",
                                  "0x00000000000000000000000000000000000000Bb"],
                 %s},
         "consensus": {"roundTimeoutMs": 3000, "blockIntervalMs": 250}}
        """.formatted(P2P_FILES));
    assertEquals(Optional.of(BASE.resolve("node.key.pem")), config.nodeKeyFile());
    P2pConfig p2p = config.p2p().orElseThrow();
    assertEquals("127.0.0.1", p2p.host());
    assertEquals(30300, p2p.port());
    assertEquals(List.of(new PeerAddress("127.0.0.1", 30301), new PeerAddress("127.0.0.1", 30302),
        new PeerAddress("127.0.0.1", 30303)), p2p.peers());
    assertEquals(BASE.resolve("node.pem"), p2p.nodeCertificateFile());
    assertEquals(Path.of("/srv/ca/consortium-ca.pem"), p2p.consortiumCaFile());
    assertEquals(BASE.resolve("transport.key.pem"), p2p.transportKeyFile());
    assertEquals(BASE.resolve("transport.pem"), p2p.transportCertificateFile());
    assertEquals(Path.of("/srv/ca/transport-ca.pem"), p2p.transportCaFile());
    assertEquals(Optional.of(List.of(Address.fromHex("0x00000000000000000000000000000000000000aa"),
        Address.fromHex("0x00000000000000000000000000000000000000bb"))), p2p.allowedNodes());
    assertEquals(new ConsensusConfig(3000, 250), config.consensus());
  }

  /** NODE-1: the P2P section's defaults; no allowed list means the genesis validators. */
  @Test
  void p2pDefaultsApply() {
    NodeConfig config = parse("""
        {"dataDirectory": "d", "genesisFile": "g", "nodeKeyFile": "k",
         "blockProduction": {"emptyBlockIntervalMs": 400}, "p2p": {%s}}
        """.formatted(P2P_FILES));
    P2pConfig p2p = config.p2p().orElseThrow();
    assertEquals("127.0.0.1", p2p.host());
    assertEquals(30300, p2p.port());
    assertEquals(List.of(), p2p.peers());
    assertEquals(Optional.empty(), p2p.allowedNodes());
    assertEquals(ConsensusConfig.defaults(), config.consensus());
    assertEquals(2000, config.consensus().roundTimeoutMs());
    assertEquals(400, config.blockProduction().emptyBlockIntervalMs());
  }

  /** NODE-1, NETWORK-17 to NETWORK-21: the P2P bounds an operator tunes, over the transport's defaults. */
  @Test
  void p2pLimits() {
    NodeConfig config = parse("""
        {"dataDirectory": "d", "genesisFile": "g", "nodeKeyFile": "k",
         "p2p": {%s, "limits": {"peersMax": 50, "handshakesMax": 8, "handshakesPerAddressMax": 1,
           "connectionsPerAddressMax": 4, "acceptsPerAddressBurstMax": 5, "acceptsPerAddressRefillMs": 500,
           "handshakeTimeoutMs": 3000, "refusalLogIntervalMs": 60000}}}
        """.formatted(P2P_FILES));
    org.xinlian.network.TransportLimits limits = config.p2p().orElseThrow().limits();
    assertEquals(50, limits.peersMax());
    assertEquals(8, limits.handshakesMax());
    assertEquals(1, limits.handshakesPerAddressMax());
    assertEquals(4, limits.connectionsPerAddressMax());
    assertEquals(5, limits.acceptsPerAddressBurstMax());
    assertEquals(500, limits.acceptsPerAddressRefillMillis());
    assertEquals(3000, limits.handshakeTimeoutMillis());
    assertEquals(60000, limits.refusalLogIntervalMillis());
    NodeConfig defaults = parse("""
        {"dataDirectory": "d", "genesisFile": "g", "nodeKeyFile": "k", "p2p": {%s}}
        """.formatted(P2P_FILES));
    assertEquals(org.xinlian.node.consensus.ConsensusService.transportLimits(), defaults.p2p().orElseThrow().limits());
  }

  /** NODE-1: mistakes inside the P2P section name their path, down to the list entry. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "\"port\": 65536|p2p.port",
    "\"peers\": [\"127.0.0.1:1\", \"nocolon\"]|p2p.peers.1",
    "\"peers\": [\"127.0.0.1:0\"]|p2p.peers.0",
    "\"peers\": \"127.0.0.1:1\"|p2p.peers",
    "\"allowedNodes\": [\"0x12\"]|p2p.allowedNodes.0",
    "\"host\": \"\"|p2p.host",
    "\"colour\": 1|p2p.colour",
    "\"limits\": {\"peersMax\": 0}|p2p.limits.peersMax",
    "\"limits\": {\"handshakeTimeoutMs\": \"10s\"}|p2p.limits.handshakeTimeoutMs",
    "\"limits\": {\"colour\": 1}|p2p.limits.colour",
  })
  void p2pMistakesNameTheField(String entry, String field) {
    String json = """
        {"dataDirectory": "d", "genesisFile": "g", "nodeKeyFile": "k", "p2p": {%s, %s}}
        """.formatted(P2P_FILES, entry);
    DecodingException error = assertThrows(DecodingException.class, () -> parse(json));
    assertEquals(field, error.field(), error.getMessage());
  }

  /** NODE-1, NODE-17, CONSENSUS-21: the health section and the build budget, with their defaults. */
  @Test
  void healthAndBuildBudget() {
    NodeConfig defaults = parse("""
        {"dataDirectory": "d", "genesisFile": "g", "consensus": {"roundTimeoutMs": 3000}}
        """);
    assertEquals(HealthConfig.defaults(), defaults.health());
    assertEquals(1500, defaults.consensus().blockBuildTimeMs(), "half the round timeout");
    NodeConfig config = parse("""
        {"dataDirectory": "d", "genesisFile": "g",
         "consensus": {"roundTimeoutMs": 3000, "blockBuildTimeMs": 700},
         "health": {"failStopExitDelayMs": 0, "readyPeersMin": 3, "readyCommitAgeMaxMs": 9000}}
        """);
    assertEquals(700, config.consensus().blockBuildTimeMs());
    assertEquals(new HealthConfig(0, java.util.OptionalInt.of(3), 9000), config.health());
  }

  /** NODE-1, NODE-20: mistakes in the health and logging sections and the build budget name their field. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "\"health\": {\"failStopExitDelayMs\": -1}|health.failStopExitDelayMs",
    "\"health\": {\"readyPeersMin\": \"two\"}|health.readyPeersMin",
    "\"health\": {\"readyCommitAgeMaxMs\": 10}|health.readyCommitAgeMaxMs",
    "\"health\": {\"colour\": 1}|health.colour",
    "\"health\": []|health",
    "\"consensus\": {\"roundTimeoutMs\": 1000, \"blockBuildTimeMs\": 1001}|consensus.blockBuildTimeMs",
    "\"consensus\": {\"blockBuildTimeMs\": 0}|consensus.blockBuildTimeMs",
    "\"logging\": {\"level\": \"LOUD\"}|logging.level",
    "\"logging\": {\"level\": 3}|logging.level",
    "\"logging\": {\"filesMax\": 5}|logging.filesMax",
    "\"logging\": {\"maxHistoryDays\": 0}|logging.maxHistoryDays",
    "\"logging\": {\"totalBytesMax\": 65536, \"fileBytesMax\": 131072}|logging.totalBytesMax",
    "\"logging\": {\"levels\": {\"org.xinlian.consensus\": \"LOUD\"}}|logging.levels.org.xinlian.consensus",
    "\"logging\": {\"levels\": {\"org..x\": \"DEBUG\"}}|logging.levels.org..x",
    "\"logging\": {\"levels\": [\"DEBUG\"]}|logging.levels",
    "\"logging\": {\"format\": \"xml\"}|logging.format",
    "\"logging\": {\"fileBytesMax\": 10}|logging.fileBytesMax",
    "\"logging\": {\"file\": \"\"}|logging.file",
    "\"logging\": {\"colour\": 1}|logging.colour",
    "\"logging\": \"logs\"|logging",
  })
  void healthMistakesNameTheField(String entry, String field) {
    String json = """
        {"dataDirectory": "d", "genesisFile": "g", %s}
        """.formatted(entry);
    DecodingException error = assertThrows(DecodingException.class, () -> parse(json));
    assertEquals(field, error.field(), error.getMessage());
  }

  /** NODE-1: a file far above any real configuration is refused before parsing. */
  @Test
  void oversizedFileIsRefused(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("node.json");
    Files.write(file, new byte[(int) NodeConfig.CONFIG_FILE_BYTES_MAX + 1]);
    DecodingException error = assertThrows(DecodingException.class, () -> NodeConfig.load(file));
    assertTrue(error.getMessage().contains("above the limit"), error.getMessage());
  }
}
