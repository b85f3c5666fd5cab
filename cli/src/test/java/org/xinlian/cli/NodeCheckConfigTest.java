package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xinlian node --check-config} (docs/spec/operations.md OPS-45): a configuration and the
 * files it names checked without starting a node, on the files {@code network init} writes and on
 * broken copies of them, every problem named by its field.
 */
class NodeCheckConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path directory;

  @BeforeAll
  static void network() {
    CliRun.Result init = run("network", "init", "--nodes", "2", "--dir", "net");
    assertEquals(0, init.exitCode(), init.err());
  }

  private static CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private static CliRun.Result check(Path config) {
    return run("node", "--check-config", "--config", config.toString());
  }

  private static ObjectNode node0Config() throws IOException {
    return (ObjectNode) JSON.readTree(directory.resolve("net/node0/config.json").toFile());
  }

  /** Writes {@code config} beside node0's, so its relative paths name node0's files. */
  private static Path write(String name, Object config) throws IOException {
    Path file = directory.resolve("net/node0").resolve(name);
    Files.writeString(file, config instanceof String text ? text : JSON.writeValueAsString(config));
    return file;
  }

  @Test
  void aGoodConfigIsOkAndNothingIsCreated() {
    Path config = directory.resolve("net/node0/config.json");
    CliRun.Result result = check(config);
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("config ok: " + config + "\n", result.out());
    assertEquals("", result.err());
    assertFalse(Files.exists(directory.resolve("net/node0/data")), "the check starts nothing");
    assertFalse(Files.exists(directory.resolve("net/node0/logs")), "the check starts nothing");
  }

  /** Every unknown field and every broken section, not just the first. */
  @Test
  void everyProblemOfTheConfigIsNamedByItsField() throws IOException {
    Path config = write("broken.json", """
        {"dataDirectory": "data", "colour": "red",
         "rpc": {"host": "127.0.0.1", "port": 70000},
         "pool": {"transactionsMax": 10, "bogus": 1},
         "logging": {"level": "LOUD"},
         "consensus": {"roundTimeoutMs": 5}}
        """);
    CliRun.Result result = check(config);
    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    List<String> lines = result.errLines();
    List<String> fields = List.of("colour", "genesisFile", "rpc.port", "pool.bogus", "consensus.roundTimeoutMs",
        "logging.level");
    assertEquals(fields.size() + 1, lines.size(), result.err());
    for (int i = 0; i < fields.size(); i++) {
      assertTrue(lines.get(i).startsWith("error: " + fields.get(i) + ": "), lines.get(i));
    }
    assertEquals(config + ": 6 problems", lines.get(fields.size()));
    assertTrue(lines.get(0).contains("unknown field"), lines.get(0));
    assertTrue(lines.get(2).contains("must be 0 to 65535, got 70000"), lines.get(2));
  }

  /** The files a configuration names: each missing, unreadable or wrong one named by its field. */
  @Test
  void everyProblemOfTheNamedFilesIsNamedByItsField() throws IOException {
    Files.writeString(directory.resolve("net/node0/not-a-directory"), "");
    Files.writeString(directory.resolve("net/node0/garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    ObjectNode config = node0Config();
    config.put("dataDirectory", "not-a-directory/data");
    config.put("nodeKeyFile", "missing.key.pem");
    ((ObjectNode) config.get("p2p")).put("transportCertificateFile", "garbage.pem");
    Path file = write("files.json", config);
    CliRun.Result result = check(file);
    assertEquals(1, result.exitCode());
    List<String> lines = result.errLines();
    assertEquals(4, lines.size(), result.err());
    assertTrue(lines.get(0).startsWith("error: dataDirectory: ") && lines.get(0).endsWith("is not a directory"),
        lines.get(0));
    assertTrue(lines.get(1).startsWith("error: nodeKeyFile: cannot read "), lines.get(1));
    assertTrue(lines.get(2).startsWith("error: p2p.transportCertificateFile: ")
        && lines.get(2).contains("garbage.pem is not valid"), lines.get(2));
    assertEquals(file + ": 3 problems", lines.get(3));
  }

  /** A node certificate of another node: each file reads, they do not belong together. */
  @Test
  void aCertificateOfAnotherNodeIsRefused() throws IOException {
    ObjectNode config = node0Config();
    ((ObjectNode) config.get("p2p")).put("nodeCertificateFile", "../node1/node.pem");
    CliRun.Result result = check(write("other-certificate.json", config));
    assertEquals(1, result.exitCode());
    assertTrue(result.errLines().get(0).startsWith("error: p2p.nodeCertificateFile: ")
        && result.errLines().get(0).endsWith("does not certify the node key (nodeKeyFile or keys.pkcs11)"), result.err());
  }

  @Test
  void aGenesisThatDoesNotReadIsNamed() throws IOException {
    Files.writeString(directory.resolve("net/node0/genesis-garbage.json"), "{\"chainId\": \"many\"}");
    ObjectNode config = node0Config();
    config.put("genesisFile", "genesis-garbage.json");
    CliRun.Result result = check(write("bad-genesis.json", config));
    assertEquals(1, result.exitCode());
    assertTrue(result.errLines().get(0).startsWith("error: genesisFile: "), result.err());
    assertTrue(result.errLines().get(0).contains("genesis-garbage.json"), result.err());
  }

  @Test
  void aMissingConfigIsNamed() {
    CliRun.Result result = check(directory.resolve("net/node9/config.json"));
    assertEquals(1, result.exitCode());
    assertTrue(result.errLines().get(0).startsWith("error: config: cannot read "), result.err());
  }
}
