package org.xinlian.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.NodeConfig;

/**
 * Each node's role at genesis for {@code network status} (LOCALNET-6): a validator when the
 * address of its node key is among genesis's validators, else an observer (GOV-14). A running
 * node's own answer (its {@code xinlian_consensus_validator} gauge) takes precedence, since
 * governance may have changed the set since genesis. Anything unreadable gives no role rather than
 * a failed status.
 */
final class NodeRoles {
  /** A genesis is small; a file this large is not one, and is not read further. */
  private static final int GENESIS_BYTES_MAX = 16 * 1024 * 1024;
  private static final int KEY_BYTES_MAX = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<CryptoSuite> suite;
  private final Set<String> validators = new HashSet<>();

  NodeRoles(Path genesisFile) {
    Optional<CryptoSuite> read = Optional.empty();
    try (InputStream in = Files.newInputStream(genesisFile)) {
      byte[] bytes = in.readNBytes(GENESIS_BYTES_MAX);
      JsonNode genesis = JSON.readTree(bytes);
      genesis.path("validators").forEach(validator -> validators.add(validator.asText().toLowerCase()));
      read = Optional.of(CryptoSuites.byName(genesis.path("suite").asText()));
    } catch (IOException | RuntimeException e) {
      // No readable genesis: no roles to show.
    }
    this.suite = read;
  }

  /** {@code validator} or {@code observer} at genesis, or empty when the node has no readable key. */
  Optional<String> genesisRole(Path configFile) {
    if (suite.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<Path> keyFile = NodeConfig.load(configFile).nodeKeyFile();
      if (keyFile.isEmpty()) {
        return Optional.empty();
      }
      String pem;
      try (InputStream in = Files.newInputStream(keyFile.get())) {
        pem = new String(in.readNBytes(KEY_BYTES_MAX), StandardCharsets.US_ASCII);
      }
      CryptoSuite chain = suite.get();
      String address = chain.address(chain.keyPairFromPrivateKey(chain.privateKeyFromPem(pem).bytes()).publicKey())
          .toString().toLowerCase();
      return Optional.of(role(validators.contains(address)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String role(boolean validator) {
    return validator ? "validator" : "observer";
  }
}
