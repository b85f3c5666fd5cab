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
                 "permissions": ["admin", "debug"]},
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
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"pool\": {\"transactionsMax\": 0}}|pool.transactionsMax",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"stateRetention\": 0}|stateRetention",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"stateRetention\": \"all\"}|stateRetention",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"coinbase\": \"0x12\"}|coinbase",
    "{\"dataDirectory\": \"d\", \"genesisFile\": \"g\", \"blockProduction\": {\"minimumSpacingMs\": -1}}|blockProduction.minimumSpacingMs",
    "{\"dataDirectory\": \"d\", \"dataDirectory\": \"e\", \"genesisFile\": \"g\"}|config",
    "[1]|config",
    "{\"dataDirectory\": 5, \"genesisFile\": \"g\"}|dataDirectory",
  })
  void mistakesNameTheField(String json, String field) {
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
