package org.xinlian.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian db snapshot}: state snapshots (docs/spec/snapshot.md, SNAPSHOT-10). */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Export the state at one block to a file, or start a new node's ledger from such a file "
          + "instead of replaying every block (docs/spec/snapshot.md)."
    },
    subcommands = {
      CommandLine.HelpCommand.class, DbSnapshotExportCommand.class, DbSnapshotImportCommand.class
    })
final class DbSnapshotCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the ledger store in {@code directory}; a failure (locked, corrupt) is the user's to fix. */
  static KeyValueStore openStore(Path directory) {
    try {
      return KeyValueStores.openRocksDb(StoreOptions.of(directory, LedgerNamespaces.ALL));
    } catch (StorageException e) {
      throw new UserException("store at " + directory + ": " + e.getMessage());
    }
  }

  /** Deletes {@code directory} and everything below it. */
  static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
