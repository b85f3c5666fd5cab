package org.xinlian.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xinlian.node.DevChain;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.backup.LedgerBackups;

/**
 * Where the {@code db} commands find a ledger (docs/spec/operations.md OPS-92). Operators name
 * what they see: the ledger directory itself (RocksDB's, with its {@code CURRENT} file), a
 * development chain's state directory ({@code xinlian-dev}, whose ledger is {@code ledger/}), or
 * a node's directory from {@code network init} or a package install ({@code node0}, whose
 * {@code config.json} names the data directory, by default {@code data/}), or a backup, which is
 * left as it is. Anything else is
 * returned as given, so the command's own checks name what is wrong with it.
 */
final class LedgerDirectory {
  /** The file every RocksDB directory has; its presence tells a ledger from a directory above it. */
  private static final String ROCKSDB_CURRENT = "CURRENT";
  private static final String NODE_CONFIG = "config.json";
  private static final String NODE_DATA = "data";

  private LedgerDirectory() {}

  static Path locate(Path given) {
    // A backup (OPS-74) is checked as a whole by the commands that accept one, manifest first.
    if (isLedger(given) || LedgerBackups.isBackup(given)) {
      return given;
    }
    Path config = given.resolve(NODE_CONFIG);
    if (Files.isRegularFile(config)) {
      try {
        return NodeConfig.load(config).dataDirectory();
      } catch (RuntimeException e) {
        throw new UserException(given + " holds no ledger and its " + NODE_CONFIG
            + " cannot be read: " + e.getMessage());
      }
    }
    for (Path inside : List.of(given.resolve(DevChain.LEDGER_DIRECTORY_NAME), given.resolve(NODE_DATA))) {
      if (isLedger(inside)) {
        return inside;
      }
    }
    return given;
  }

  private static boolean isLedger(Path directory) {
    return Files.isRegularFile(directory.resolve(ROCKSDB_CURRENT));
  }
}
