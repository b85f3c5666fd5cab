package org.xinlian.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.migration.SchemaMigration;
import org.xinlian.ledger.migration.SchemaMigrator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.StoreSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian db migrate}: the offline storage schema migration (docs/spec/operations.md OPS-85). */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Bring a stopped node's ledger to the storage schema this release reads, one step at a time, "
          + "each step and its version bump in one atomic write: an interrupted run leaves the ledger at "
          + "the last completed schema, and running the command again resumes from there.",
      "",
      "Refused, changing nothing, when the ledger is already at this release's schema, is newer than "
          + "it, or the node is running. Exit code 0 when migrated, 1 when refused."
    })
final class DbMigrateCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The node's data directory (holding 'ledger'), or the ledger directory itself.")
  Path dataDirectory;

  @Option(names = "--dry-run", description = "List the pending steps without writing anything.")
  boolean dryRun;

  DbMigrateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Path given = environment.resolve(dataDirectory);
    Path ledger = Files.isDirectory(given.resolve("ledger")) ? given.resolve("ledger") : given;
    DbVerifyCommand.requireLedgerDirectory(ledger);
    String location = ledger.toString();
    SchemaMigrator migrator = SchemaMigrator.release();
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(ledger, LedgerNamespaces.ALL))) {
      if (dryRun) {
        int version;
        try (StoreSnapshot snapshot = store.snapshot()) {
          version = SchemaMigrator.storedVersion(snapshot, location);
        }
        List<SchemaMigration> pending = migrator.pending(version);
        environment.out().println("the ledger in " + location + " is at schema " + version + "; this release reads "
            + migrator.targetVersion() + (pending.isEmpty() ? "; no step to run" : "; steps to run:"));
        for (SchemaMigration step : pending) {
          environment.out().println("  " + step.fromVersion() + " -> " + (step.fromVersion() + 1) + ": "
              + step.description());
        }
        return 0;
      }
      List<SchemaMigrator.Step> steps = migrator.migrate(store, location);
      for (SchemaMigrator.Step step : steps) {
        environment.out().println("schema " + step.fromVersion() + " -> " + step.toVersion() + ": "
            + step.description());
      }
      environment.out().println("the ledger in " + location + " is now at schema " + migrator.targetVersion());
      return 0;
    } catch (SchemaMigrator.MigrationRefusedException | StorageException e) {
      // Already migrated, newer, foreign or locked by a running node: the operator's to resolve.
      throw new UserException(e.getMessage());
    }
  }
}
