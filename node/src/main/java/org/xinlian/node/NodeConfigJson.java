package org.xinlian.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.pool.PoolLimits;
import org.xinlian.ledger.state.StateRetention;
import org.xinlian.node.backup.BackupConfig;
import org.xinlian.network.PeerAddress;
import org.xinlian.network.TransportLimits;
import org.xinlian.node.consensus.ConsensusConfig;
import org.xinlian.node.consensus.ConsensusService;
import org.xinlian.node.consensus.KeysConfig;
import org.xinlian.node.consensus.P2pConfig;
import org.xinlian.crypto.pkcs11.Pkcs11Token;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcPermission;
import org.xinlian.rpc.RpcServerConfig;

/** The strict reader behind {@link NodeConfig#load}: every error names the field's path. */
final class NodeConfigJson {
  private static final Set<String> TOP_FIELDS = Set.of("dataDirectory", "genesisFile", "coinbase",
      "rpc", "pool", "stateRetention", "blockProduction", "nodeKeyFile", "p2p", "consensus", "health",
      "logging", "backup", "keys");
  private static final Set<String> KEYS_FIELDS = Set.of("passphraseFile", "passphraseEnv", "pkcs11",
      "crlDirectory", "crlReloadIntervalMs");
  private static final Set<String> PKCS11_FIELDS = Set.of("configFile", "alias", "pinFile", "pinEnv");
  private static final Set<String> P2P_FIELDS = Set.of("host", "port", "peers", "nodeCertificateFile",
      "consortiumCaFile", "transportKeyFile", "transportCertificateFile", "transportCaFile",
      "allowedNodes", "limits");
  private static final Set<String> HEALTH_FIELDS = Set.of("failStopExitDelayMs", "readyPeersMin",
      "readyCommitAgeMaxMs");
  private static final Set<String> P2P_LIMIT_FIELDS = Set.of("peersMax", "handshakesMax",
      "handshakesPerAddressMax", "connectionsPerAddressMax", "acceptsPerAddressBurstMax",
      "acceptsPerAddressRefillMs", "handshakeTimeoutMs", "refusalLogIntervalMs");
  /** Generous ceilings for the P2P bounds; the transport checks their relations. */
  private static final long P2P_COUNT_MAX = 100_000;
  private static final long P2P_MILLIS_MAX = 3_600_000;
  private static final Set<String> CONSENSUS_FIELDS = Set.of("roundTimeoutMs", "blockIntervalMs",
      "blockBuildTimeMs");
  /** Where a P2P node listens when the section leaves it out: FISCO BCOS's and the design's first port. */
  static final String P2P_HOST_DEFAULT = "127.0.0.1";
  static final int P2P_PORT_DEFAULT = 30_300;
  private static final Set<String> RPC_FIELDS = Set.of("host", "port", "corsOrigins", "permissions", "limits",
      "tls", "auth");
  private static final Set<String> POOL_FIELDS = Set.of("transactionsMax", "perSenderMax", "bytesMax",
      "queuedLifetimeMs", "minimumPriorityFeePerGas");
  private static final Set<String> PRODUCTION_FIELDS = Set.of("minimumSpacingMs", "emptyBlockIntervalMs");
  /** Deep nesting is never needed here and is how hostile JSON exhausts a parser's stack. */
  private static final int NESTING_DEPTH_MAX = 8;
  private static final int LIST_ENTRIES_MAX = 64;
  /** Allowed nodes: every validator of the largest set and as many followers. */
  private static final int ALLOWED_NODES_MAX = 2 * org.xinlian.consensus.ValidatorSet.VALIDATORS_MAX;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(NESTING_DEPTH_MAX).build());
  }

  private NodeConfigJson() {}

  static NodeConfig load(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new DecodingException("config", "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size > NodeConfig.CONFIG_FILE_BYTES_MAX) {
      throw new DecodingException("config", file + " is " + size + " bytes, above the limit of "
          + NodeConfig.CONFIG_FILE_BYTES_MAX);
    }
    try (InputStream in = Files.newInputStream(file)) {
      Path base = file.toAbsolutePath().getParent();
      return parse(in.readNBytes((int) NodeConfig.CONFIG_FILE_BYTES_MAX + 1), base);
    } catch (IOException e) {
      throw new DecodingException("config", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static NodeConfig parse(byte[] json, Path base) {
    List<RuntimeException> problems = new ArrayList<>();
    NodeConfig config = parse(json, base, problems);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    return config;
  }

  /**
   * Parses {@code json}, adding to {@code problems} every unknown top-level field and the first
   * problem of each section instead of stopping at the first one ({@code xinlian node
   * --check-config} lists them all). Returns null when there is any problem.
   */
  static NodeConfig parse(byte[] json, Path base, List<RuntimeException> problems) {
    if (json.length > NodeConfig.CONFIG_FILE_BYTES_MAX) {
      problems.add(new DecodingException("config", "above the limit of " + NodeConfig.CONFIG_FILE_BYTES_MAX + " bytes"));
      return null;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      problems.add(new DecodingException("config", "not valid JSON: " + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new DecodingException("config", "not readable: " + e.getMessage()));
      return null;
    }
    if (root == null || !root.isObject()) {
      problems.add(new DecodingException("config", "must be a JSON object"));
      return null;
    }
    int before = problems.size();
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_FIELDS.contains(name)) {
        problems.add(unknown(name, TOP_FIELDS, ""));
      }
    }
    Path dataDirectory = section(problems, null,
        () -> path(required(root, "dataDirectory"), "dataDirectory", base));
    Path genesisFile = section(problems, null,
        () -> path(required(root, "genesisFile"), "genesisFile", base));
    Optional<Address> coinbase = section(problems, Optional.empty(), () -> root.has("coinbase")
        ? Optional.of(address(root.get("coinbase"), "coinbase")) : Optional.empty());
    RpcServerConfig rpc = section(problems, RpcServerConfig.defaults(),
        () -> root.has("rpc") ? rpc(root.get("rpc")) : RpcServerConfig.defaults());
    PoolLimits pool = section(problems, PoolLimits.defaults(),
        () -> root.has("pool") ? pool(root.get("pool")) : PoolLimits.defaults());
    BigInteger minimumPriorityFee = root.has("pool") && root.get("pool").isObject()
        ? section(problems, BigInteger.ZERO, () -> BigInteger.valueOf(
            optionalLong(root.get("pool"), "minimumPriorityFeePerGas", "pool.", 0, 0, Long.MAX_VALUE)))
        : BigInteger.ZERO;
    StateRetention retention = section(problems, StateRetention.ARCHIVE, () -> root.has("stateRetention")
        ? retention(root.get("stateRetention"))
        : StateRetention.lastBlocks(NodeConfig.STATE_RETENTION_BLOCKS_DEFAULT));
    NodeConfig.BlockProduction production = section(problems, NodeConfig.BlockProduction.defaults(),
        () -> root.has("blockProduction") ? production(root.get("blockProduction"))
            : NodeConfig.BlockProduction.defaults());
    Optional<Path> nodeKeyFile = section(problems, Optional.empty(), () -> root.has("nodeKeyFile")
        ? Optional.of(path(root.get("nodeKeyFile"), "nodeKeyFile", base)) : Optional.empty());
    KeysConfig keys = section(problems, KeysConfig.none(),
        () -> root.has("keys") ? keys(root.get("keys"), base) : KeysConfig.none());
    if (root.has("p2p") && !root.has("nodeKeyFile") && keys.pkcs11().isEmpty()) {
      problems.add(new DecodingException("nodeKeyFile", "required when p2p is set (or keys.pkcs11)"));
    }
    Optional<P2pConfig> p2p = section(problems, Optional.empty(),
        () -> root.has("p2p") ? Optional.of(p2p(root.get("p2p"), base)) : Optional.empty());
    ConsensusConfig consensus = section(problems, ConsensusConfig.defaults(),
        () -> root.has("consensus") ? consensus(root.get("consensus")) : ConsensusConfig.defaults());
    HealthConfig health = section(problems, HealthConfig.defaults(),
        () -> root.has("health") ? health(root.get("health")) : HealthConfig.defaults());
    LoggingConfig logging = section(problems, LoggingConfig.defaults(),
        () -> root.has("logging") ? LoggingConfigJson.parse(root.get("logging"), base) : LoggingConfig.defaults());
    BackupConfig backup = section(problems, BackupConfig.disabled(),
        () -> root.has("backup") ? BackupConfig.parse(root.get("backup"), base) : BackupConfig.disabled());
    RpcSecurityConfig rpcSecurity = section(problems, RpcSecurityConfig.none(),
        () -> RpcSecurityJson.parse(root.get("rpc"), rpc.host(), p2p, base));
    if (problems.size() > before) {
      return null;
    }
    return section(problems, null, () -> new NodeConfig(dataDirectory, genesisFile, coinbase, rpc, pool,
        minimumPriorityFee, retention, production, nodeKeyFile, p2p, consensus, health, logging, backup, keys,
        rpcSecurity));
  }

  /** The section {@code parser} reads, or {@code fallback} with its problem added to {@code problems}. */
  private static <T> T section(List<RuntimeException> problems, T fallback, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      // DecodingException, and the records' own range checks, which name their field too.
      problems.add(e);
      return fallback;
    }
  }

  private static PoolLimits pool(JsonNode value) {
    JsonNode node = object(value, "pool");
    refuseUnknown(node, POOL_FIELDS, "pool.");
    PoolLimits pool = PoolLimits.defaults();
    return new PoolLimits(
        (int) optionalLong(node, "transactionsMax", "pool.", pool.transactionsMax(), 1, Integer.MAX_VALUE),
        (int) optionalLong(node, "perSenderMax", "pool.", pool.perSenderMax(), 1, Integer.MAX_VALUE),
        optionalLong(node, "bytesMax", "pool.", pool.bytesMax(), 1, Long.MAX_VALUE),
        optionalLong(node, "queuedLifetimeMs", "pool.", pool.queuedLifetimeMillis(), 1, Long.MAX_VALUE));
  }

  private static NodeConfig.BlockProduction production(JsonNode value) {
    JsonNode node = object(value, "blockProduction");
    refuseUnknown(node, PRODUCTION_FIELDS, "blockProduction.");
    return new NodeConfig.BlockProduction(
        optionalLong(node, "minimumSpacingMs", "blockProduction.",
            NodeConfig.BlockProduction.MINIMUM_SPACING_MS_DEFAULT, 0, NodeConfig.BlockProduction.SPACING_MS_MAX),
        optionalLong(node, "emptyBlockIntervalMs", "blockProduction.", 0, 0,
            NodeConfig.BlockProduction.SPACING_MS_MAX));
  }

  private static ConsensusConfig consensus(JsonNode value) {
    JsonNode node = object(value, "consensus");
    refuseUnknown(node, CONSENSUS_FIELDS, "consensus.");
    ConsensusConfig consensus = ConsensusConfig.defaults();
    long roundTimeoutMs = optionalLong(node, "roundTimeoutMs", "consensus.",
        consensus.roundTimeoutMs(), ConsensusConfig.ROUND_TIMEOUT_MS_MIN,
        ConsensusConfig.ROUND_TIMEOUT_MS_MAX);
    return new ConsensusConfig(roundTimeoutMs,
        optionalLong(node, "blockIntervalMs", "consensus.", consensus.blockIntervalMs(), 0,
            ConsensusConfig.BLOCK_INTERVAL_MS_MAX),
        optionalLong(node, "blockBuildTimeMs", "consensus.",
            roundTimeoutMs / ConsensusConfig.BLOCK_BUILD_TIME_DEFAULT_DIVISOR,
            ConsensusConfig.BLOCK_BUILD_TIME_MS_MIN, roundTimeoutMs));
  }

  private static HealthConfig health(JsonNode value) {
    JsonNode node = object(value, "health");
    refuseUnknown(node, HEALTH_FIELDS, "health.");
    HealthConfig health = HealthConfig.defaults();
    return new HealthConfig(
        optionalLong(node, "failStopExitDelayMs", "health.", health.failStopExitDelayMs(), 0,
            HealthConfig.FAIL_STOP_EXIT_DELAY_MS_MAX),
        node.has("readyPeersMin")
            ? OptionalInt.of((int) optionalLong(node, "readyPeersMin", "health.", 0, 0,
                HealthConfig.READY_PEERS_MAX))
            : OptionalInt.empty(),
        optionalLong(node, "readyCommitAgeMaxMs", "health.", health.readyCommitAgeMaxMs(),
            HealthConfig.READY_COMMIT_AGE_MAX_MS_MIN, HealthConfig.READY_COMMIT_AGE_MAX_MS_MAX));
  }

  /** The {@code keys} section (docs/ops/keys.md). */
  private static KeysConfig keys(JsonNode value, Path base) {
    JsonNode node = object(value, "keys");
    refuseUnknown(node, KEYS_FIELDS, "keys.");
    Optional<KeysConfig.Pkcs11Key> pkcs11 = Optional.empty();
    if (node.has("pkcs11")) {
      JsonNode token = object(node.get("pkcs11"), "keys.pkcs11");
      refuseUnknown(token, PKCS11_FIELDS, "keys.pkcs11.");
      String alias = text(required(token, "alias", "keys.pkcs11."), "keys.pkcs11.alias");
      if (alias.isEmpty() || alias.length() > Pkcs11Token.ALIAS_CHARACTERS_MAX) {
        throw new DecodingException("keys.pkcs11.alias", "1 to "
            + Pkcs11Token.ALIAS_CHARACTERS_MAX + " characters");
      }
      pkcs11 = Optional.of(keysValue(() -> new KeysConfig.Pkcs11Key(
          path(required(token, "configFile", "keys.pkcs11."), "keys.pkcs11.configFile", base),
          alias,
          token.has("pinFile") ? Optional.of(path(token.get("pinFile"), "keys.pkcs11.pinFile", base))
              : Optional.empty(),
          token.has("pinEnv") ? Optional.of(text(token.get("pinEnv"), "keys.pkcs11.pinEnv"))
              : Optional.empty())));
    }
    Optional<KeysConfig.Pkcs11Key> hardware = pkcs11;
    return keysValue(() -> new KeysConfig(
        node.has("passphraseFile")
            ? Optional.of(path(node.get("passphraseFile"), "keys.passphraseFile", base))
            : Optional.empty(),
        node.has("passphraseEnv")
            ? Optional.of(text(node.get("passphraseEnv"), "keys.passphraseEnv")) : Optional.empty(),
        Optional.empty(), hardware,
        node.has("crlDirectory")
            ? Optional.of(path(node.get("crlDirectory"), "keys.crlDirectory", base)) : Optional.empty(),
        optionalLong(node, "crlReloadIntervalMs", "keys.", KeysConfig.CRL_RELOAD_INTERVAL_MS_DEFAULT,
            KeysConfig.CRL_RELOAD_INTERVAL_MS_MIN, KeysConfig.CRL_RELOAD_INTERVAL_MS_MAX)));
  }

  /** A keys value whose own checks name the field; reported as this reader's decoding error. */
  private static <T> T keysValue(java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      throw colon < 0 ? new DecodingException("keys", message)
          : new DecodingException(message.substring(0, colon), message.substring(colon + 2));
    }
  }

  private static P2pConfig p2p(JsonNode value, Path base) {
    JsonNode node = object(value, "p2p");
    refuseUnknown(node, P2P_FIELDS, "p2p.");
    String host = node.has("host") ? text(node.get("host"), "p2p.host") : P2P_HOST_DEFAULT;
    if (host.isBlank()) {
      throw new DecodingException("p2p.host", "must not be empty");
    }
    int port = (int) optionalLong(node, "port", "p2p.", P2P_PORT_DEFAULT, 0, 65_535);
    List<PeerAddress> peers = new ArrayList<>();
    if (node.has("peers")) {
      for (JsonNode peer : array(node.get("peers"), "p2p.peers", LIST_ENTRIES_MAX)) {
        String field = "p2p.peers." + peers.size();
        try {
          peers.add(PeerAddress.parse(text(peer, field)));
        } catch (IllegalArgumentException e) {
          throw new DecodingException(field, e.getMessage());
        }
      }
    }
    Optional<List<Address>> allowed = Optional.empty();
    if (node.has("allowedNodes")) {
      List<Address> addresses = new ArrayList<>();
      for (JsonNode address : array(node.get("allowedNodes"), "p2p.allowedNodes", ALLOWED_NODES_MAX)) {
        addresses.add(address(address, "p2p.allowedNodes." + addresses.size()));
      }
      allowed = Optional.of(addresses);
    }
    return new P2pConfig(host, port, peers,
        path(required(node, "nodeCertificateFile", "p2p."), "p2p.nodeCertificateFile", base),
        path(required(node, "consortiumCaFile", "p2p."), "p2p.consortiumCaFile", base),
        path(required(node, "transportKeyFile", "p2p."), "p2p.transportKeyFile", base),
        path(required(node, "transportCertificateFile", "p2p."), "p2p.transportCertificateFile", base),
        path(required(node, "transportCaFile", "p2p."), "p2p.transportCaFile", base),
        allowed, node.has("limits") ? p2pLimits(node.get("limits")) : ConsensusService.transportLimits());
  }

  /** The {@code p2p.limits} section over the transport's defaults (NETWORK-17 to NETWORK-21). */
  private static TransportLimits p2pLimits(JsonNode value) {
    JsonNode node = object(value, "p2p.limits");
    refuseUnknown(node, P2P_LIMIT_FIELDS, "p2p.limits.");
    TransportLimits base = ConsensusService.transportLimits();
    String prefix = "p2p.limits.";
    try {
      return base
          .withPeersMax((int) optionalLong(node, "peersMax", prefix, base.peersMax(), 1, P2P_COUNT_MAX))
          .withHandshakesMax(
              (int) optionalLong(node, "handshakesMax", prefix, base.handshakesMax(), 1, P2P_COUNT_MAX),
              (int) optionalLong(node, "handshakesPerAddressMax", prefix, base.handshakesPerAddressMax(), 1,
                  P2P_COUNT_MAX))
          .withConnectionsPerAddressMax((int) optionalLong(node, "connectionsPerAddressMax", prefix,
              base.connectionsPerAddressMax(), 1, P2P_COUNT_MAX))
          .withAcceptsPerAddress(
              (int) optionalLong(node, "acceptsPerAddressBurstMax", prefix, base.acceptsPerAddressBurstMax(), 1,
                  P2P_COUNT_MAX),
              optionalLong(node, "acceptsPerAddressRefillMs", prefix, base.acceptsPerAddressRefillMillis(), 1,
                  P2P_MILLIS_MAX))
          .withHandshakeTimeoutMillis(optionalLong(node, "handshakeTimeoutMs", prefix,
              base.handshakeTimeoutMillis(), 1, P2P_MILLIS_MAX))
          .withRefusalLogIntervalMillis(optionalLong(node, "refusalLogIntervalMs", prefix,
              base.refusalLogIntervalMillis(), 1, P2P_MILLIS_MAX));
    } catch (DecodingException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A relation between two bounds the transport refuses (say, more per address than in all).
      throw new DecodingException("p2p.limits", e.getMessage());
    }
  }

  private static RpcServerConfig rpc(JsonNode value) {
    JsonNode node = object(value, "rpc");
    refuseUnknown(node, RPC_FIELDS, "rpc.");
    String host = node.has("host") ? text(node.get("host"), "rpc.host") : RpcServerConfig.HOST_DEFAULT;
    if (host.isBlank()) {
      throw new DecodingException("rpc.host", "must not be empty");
    }
    int port = (int) optionalLong(node, "port", "rpc.", RpcServerConfig.PORT_DEFAULT, 0, 65_535);
    List<String> origins = new ArrayList<>();
    if (node.has("corsOrigins")) {
      for (JsonNode origin : array(node.get("corsOrigins"), "rpc.corsOrigins")) {
        origins.add(text(origin, "rpc.corsOrigins." + origins.size()));
      }
    }
    Set<RpcPermission> permissions = EnumSet.noneOf(RpcPermission.class);
    if (node.has("permissions")) {
      int index = 0;
      for (JsonNode permission : array(node.get("permissions"), "rpc.permissions")) {
        String field = "rpc.permissions." + index++;
        String name = text(permission, field);
        try {
          permissions.add(RpcPermission.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new DecodingException(field, "must be \"public\", \"admin\" or \"debug\", got \"" + name + "\"");
        }
      }
    }
    permissions.remove(RpcPermission.PUBLIC);
    RpcLimits limits = node.has("limits") ? rpcLimits(node.get("limits")) : RpcLimits.defaults();
    return new RpcServerConfig(host, port, origins, permissions, limits);
  }

  /** {@code rpc.limits}: any of RpcLimits' bounds by name (docs/spec/rpc.md RPC-28), the rest default. */
  private static RpcLimits rpcLimits(JsonNode value) {
    JsonNode node = object(value, "rpc.limits");
    RpcLimits.Builder limits = RpcLimits.builder();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String field = "rpc.limits." + entry.getKey();
      if (!RpcLimits.names().contains(entry.getKey())) {
        throw new DecodingException(field, "unknown field (known: " + String.join(", ", RpcLimits.names()) + ")");
      }
      JsonNode number = entry.getValue();
      if (!number.isIntegralNumber() || !number.canConvertToLong()) {
        throw new DecodingException(field, "must be an integer");
      }
      try {
        limits.set(entry.getKey(), number.asLong());
      } catch (IllegalArgumentException e) {
        throw new DecodingException(field, e.getMessage());
      }
    }
    return limits.build();
  }

  private static StateRetention retention(JsonNode node) {
    if (node.isTextual() && node.asText().equals("archive")) {
      return StateRetention.ARCHIVE;
    }
    if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 1
        && node.asLong() < Long.MAX_VALUE) {
      return StateRetention.lastBlocks(node.asLong());
    }
    throw new DecodingException("stateRetention", "must be a number of blocks (at least 1) or \"archive\"");
  }

  private static JsonNode required(JsonNode node, String name) {
    return required(node, name, "");
  }

  private static JsonNode required(JsonNode node, String name, String prefix) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new DecodingException(prefix + name, "required");
    }
    return value;
  }

  static void refuseUnknown(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw unknown(name, known, prefix);
      }
    }
  }

  private static DecodingException unknown(String name, Set<String> known, String prefix) {
    return new DecodingException(prefix + name, "unknown field (known: "
        + String.join(", ", known.stream().sorted().toList()) + ")");
  }

  static JsonNode object(JsonNode node, String field) {
    if (!node.isObject()) {
      throw new DecodingException(field, "must be an object");
    }
    return node;
  }

  static List<JsonNode> array(JsonNode node, String field) {
    return array(node, field, LIST_ENTRIES_MAX);
  }

  private static List<JsonNode> array(JsonNode node, String field, int entriesMax) {
    if (!node.isArray()) {
      throw new DecodingException(field, "must be an array");
    }
    if (node.size() > entriesMax) {
      throw new DecodingException(field, "at most " + entriesMax + " entries");
    }
    List<JsonNode> entries = new ArrayList<>();
    node.forEach(entries::add);
    return entries;
  }

  static String text(JsonNode node, String field) {
    if (!node.isTextual()) {
      throw new DecodingException(field, "must be a string");
    }
    return node.asText();
  }

  static Path path(JsonNode node, String field, Path base) {
    String text = text(node, field);
    if (text.isBlank()) {
      throw new DecodingException(field, "must not be empty");
    }
    try {
      return base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw new DecodingException(field, "not a valid path: " + e.getMessage());
    }
  }

  private static Address address(JsonNode node, String field) {
    String text = text(node, field);
    if (!text.matches("0x[0-9a-fA-F]{40}")) {
      throw new DecodingException(field, "not a 0x-prefixed 20-byte address");
    }
    return Address.fromHex(text);
  }

  static long optionalLong(JsonNode node, String name, String prefix, long absent, long min, long max) {
    JsonNode value = node.get(name);
    if (value == null) {
      return absent;
    }
    String field = prefix + name;
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new DecodingException(field, "must be an integer");
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw new DecodingException(field, "must be " + min + " to " + max + ", got " + number);
    }
    return number;
  }
}
