package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.node.NodeConfig;

/**
 * {@code network init --encrypt-keys} (OPS-30, OPS-31, OPS-34): node keys in the accounts' key-file
 * format, transport keys as encrypted PKCS#8, the configs naming the passphrase file, no CA key
 * in any node directory; a node given a wrong passphrase is refused by name and does not start.
 */
class NetworkInitEncryptedKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  @Test
  void encryptedKeysOpenWithThePassphraseAndNoNodeDirectoryHoldsACaKey() throws Exception {
    Files.writeString(directory.resolve("pass.txt"), "correct horse\n");
    CliRun.Result result = run("network", "init", "--validators", "2", "--suite", "gm", "--dir", "net",
        "--encrypt-keys", "--passphrase-file", "pass.txt", "--scrypt-n", "1024");
    assertEquals(0, result.exitCode(), result.err());
    Path net = directory.resolve("net");
    CryptoSuite gm = CryptoSuites.gm();
    for (int i = 0; i < 2; i++) {
      Path node = net.resolve("node" + i);
      assertFalse(Files.exists(node.resolve("node.key.pem")), "no plain node key");
      String keyFile = Files.readString(node.resolve("node.key.json"));
      var decrypted = KeyFile.decrypt(keyFile, "correct horse".toCharArray());
      X509Certificate certificate = gm.certificateFromPem(Files.readString(node.resolve("node.pem")));
      assertEquals(gm.certificatePublicKey(certificate),
          gm.keyPairFromPrivateKey(decrypted.privateKey().bytes()).publicKey());
      String transport = Files.readString(node.resolve("transport.key.pem"));
      assertTrue(transport.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), transport);
      CryptoSuites.transport(gm).privateKeyFromEncryptedPem(transport, "correct horse".toCharArray());
      NodeConfig config = NodeConfig.load(node.resolve("config.json"));
      assertEquals(node.resolve("node.key.json"), config.nodeKeyFile().orElseThrow());
      assertEquals(directory.resolve("pass.txt").toAbsolutePath(),
          config.keys().passphraseFile().orElseThrow());
      try (Stream<Path> files = Files.walk(node)) {
        assertTrue(files.noneMatch(file -> file.getFileName().toString().contains("ca.key")),
            "no CA key under " + node);
      }
    }
    assertTrue(Files.isRegularFile(net.resolve("ca-keys/org1/ca.key.pem")));
  }

  @Test
  void aWrongPassphraseIsRefusedByNameAndTheNodeDoesNotStart() throws Exception {
    Files.writeString(directory.resolve("pass.txt"), "correct horse\n");
    assertEquals(0, run("network", "init", "--validators", "1", "--dir", "net", "--encrypt-keys",
        "--passphrase-file", "pass.txt", "--scrypt-n", "1024").exitCode());
    Path node = directory.resolve("net/node0");

    Files.writeString(directory.resolve("pass.txt"), "battery staple\n");
    CliRun.Result fromFile = run("node", "--config", "net/node0/config.json");
    assertEquals(1, fromFile.exitCode(), fromFile.err());
    assertTrue(fromFile.err().contains("nodeKeyFile: " + node.resolve("node.key.json")
        + ": wrong passphrase"), fromFile.err());
    assertFalse(Files.exists(node.resolve("data")), "the ledger was not even opened");

    // The terminal's passphrase replaces the file's (--ask-passphrase); a wrong one is refused too.
    CliRun.Result typed = new CliRun(directory).typing("not it")
        .run("node", "--config", "net/node0/config.json", "--ask-passphrase");
    assertEquals(1, typed.exitCode(), typed.err());
    assertTrue(typed.err().contains(": wrong passphrase"), typed.err());
    assertFalse(typed.out().contains("Listening on"), typed.out());
  }

  @Test
  void encryptKeysNeedsAPassphraseFile() {
    CliRun.Result result = run("network", "init", "--validators", "1", "--dir", "net", "--encrypt-keys");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("--encrypt-keys: needs --passphrase-file FILE"), result.err());
    assertFalse(Files.exists(directory.resolve("net")));
  }

  @Test
  void theConfigRefusesUnknownKeysFields() throws Exception {
    Files.writeString(directory.resolve("pass.txt"), "correct horse\n");
    assertEquals(0, run("network", "init", "--validators", "1", "--dir", "net", "--encrypt-keys",
        "--passphrase-file", "pass.txt", "--scrypt-n", "1024").exitCode());
    Path configFile = directory.resolve("net/node0/config.json");
    JsonNode config = JSON.readTree(configFile.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("keys")).put("passphrase", "inline");
    Files.writeString(configFile, JSON.writeValueAsString(config));
    CliRun.Result result = run("node", "--config", "net/node0/config.json");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("keys.passphrase"), result.err());
  }

  /** An existing node's plain key becomes a key file of the accounts' format (xinlian key import). */
  @Test
  void anExistingNodeKeyIsImportedIntoAKeyFile() throws Exception {
    assertEquals(0, run("network", "init", "--validators", "1", "--dir", "net").exitCode());
    Files.writeString(directory.resolve("pass.txt"), "correct horse\n");
    CliRun.Result imported = run("key", "import", "--suite", "standard", "--pem",
        "net/node0/node.key.pem", "--out", "net/node0/node.key.json", "--password-file", "pass.txt",
        "--scrypt-n", "1024");
    assertEquals(0, imported.exitCode(), imported.err());
    CryptoSuite standard = CryptoSuites.standard();
    assertEquals(standard.privateKeyFromPem(Files.readString(directory.resolve("net/node0/node.key.pem"))),
        KeyFile.decrypt(Files.readString(directory.resolve("net/node0/node.key.json")),
            "correct horse".toCharArray()).privateKey());
    CliRun.Result again = run("key", "import", "--suite", "standard", "--pem",
        "net/node0/node.key.pem", "--out", "net/node0/node.key.json", "--password-file", "pass.txt");
    assertEquals(1, again.exitCode(), "an existing key file is never overwritten");
  }
}
