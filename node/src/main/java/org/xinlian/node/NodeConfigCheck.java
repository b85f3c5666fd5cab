package org.xinlian.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.node.consensus.ConsensusService;

/**
 * What {@code xinlian node --check-config} reports (docs/spec/operations.md OPS-45): every problem
 * of a node configuration and of the files it names (genesis, node key, certificates, where the
 * ledger and the log go), each naming its field, without starting the node. It reads only: it
 * creates no directory and does not open the ledger, which a running node holds locked.
 */
public final class NodeConfigCheck {
  private NodeConfigCheck() {}

  /**
   * The problems of {@code configFile}, one line each starting with the field's path; empty when
   * a node would start from it as far as its files can tell. The files it names are checked only
   * once the configuration itself reads, since until then their paths are not known.
   */
  public static List<String> problems(Path configFile) {
    List<String> problems = new ArrayList<>();
    byte[] json;
    try {
      long size = Files.size(configFile);
      if (size > NodeConfig.CONFIG_FILE_BYTES_MAX) {
        return List.of("config: " + configFile + " is " + size + " bytes, above the limit of "
            + NodeConfig.CONFIG_FILE_BYTES_MAX);
      }
      try (InputStream in = Files.newInputStream(configFile)) {
        json = in.readNBytes((int) NodeConfig.CONFIG_FILE_BYTES_MAX + 1);
      }
    } catch (IOException e) {
      return List.of("config: cannot read " + configFile + ": " + e.getMessage());
    }
    List<RuntimeException> parsing = new ArrayList<>();
    NodeConfig config = NodeConfigJson.parse(json, configFile.toAbsolutePath().getParent(), parsing);
    parsing.forEach(problem -> problems.add(problem.getMessage()));
    if (config == null) {
      return problems;
    }
    writableDirectory(problems, "dataDirectory", config.dataDirectory());
    config.logging().file().ifPresent(file ->
        writableDirectory(problems, "logging.file", file.toAbsolutePath().getParent()));
    CryptoSuite suite;
    GenesisConfig genesis;
    try {
      genesis = GenesisConfig.load(config.genesisFile());
      suite = CryptoSuites.byName(genesis.suite());
    } catch (RuntimeException e) {
      problems.add("genesisFile: " + config.genesisFile() + ": " + e.getMessage());
      return problems;
    }
    problems.addAll(ConsensusService.credentialProblems(config.nodeKeyFile(), config.p2p(), config.keys(), suite));
    try {
      // The JSON-RPC listener's key, certificate, secrets and CAs, read as the start reads them (OPS-11).
      RpcSecurity.of(config.rpcSecurity(), suite, org.xinlian.common.Clock.system(),
          genesis.permissioned() ? java.util.Optional.of(subject -> java.util.Set.of()) : java.util.Optional.empty(),
          config.keys());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  /**
   * {@code directory} is one the node can write, or one it can create: its nearest existing
   * ancestor is a writable directory.
   */
  private static void writableDirectory(List<String> problems, String field, Path directory) {
    Path existing = directory.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      problems.add(field + ": " + existing + " is not a directory");
    } else if (!Files.isWritable(existing)) {
      problems.add(field + ": " + existing + " is not writable by this user");
    }
  }
}
