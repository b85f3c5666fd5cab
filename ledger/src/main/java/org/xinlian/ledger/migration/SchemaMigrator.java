package org.xinlian.ledger.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteBatch;

/**
 * Brings a stopped node's ledger store to the schema this release reads (docs/spec/operations.md
 * OPS-85 to OPS-87), one {@link SchemaMigration} at a time, each in one atomic batch with its
 * version bump: an interrupted run leaves the store at the last completed version, and running
 * again resumes from there. A store already at the target, newer than it, or without a ledger is
 * refused and left as it was.
 */
public final class SchemaMigrator {
  /**
   * The migrations of this release, oldest first. Empty: schema 1 is the layout every release so
   * far has written (docs/adr/0020), so no store needs one yet.
   */
  public static final List<SchemaMigration> RELEASE_MIGRATIONS = List.of();

  /**
   * Largest batch one step may write: a step holds its whole batch in memory until it commits
   * atomically, so a larger one must be split into more versions rather than exhaust the heap.
   */
  public static final long STEP_BATCH_BYTES_MAX = 1L << 30;

  /** One applied step. */
  public record Step(int fromVersion, int toVersion, String description) {}

  private final List<SchemaMigration> migrations;
  private final int targetVersion;

  /**
   * @param migrations consecutive steps, oldest first, the last one ending at {@code targetVersion}
   * @param targetVersion the schema this build reads
   */
  public SchemaMigrator(List<SchemaMigration> migrations, int targetVersion) {
    this.migrations = List.copyOf(migrations);
    this.targetVersion = targetVersion;
    for (int i = 0; i < this.migrations.size(); i++) {
      int expected = targetVersion - this.migrations.size() + i;
      if (this.migrations.get(i).fromVersion() != expected) {
        throw new IllegalArgumentException("migrations: step " + i + " reads schema "
            + this.migrations.get(i).fromVersion() + ", expected " + expected + " (consecutive, ending at "
            + targetVersion + ")");
      }
    }
  }

  /** This release's migrator: {@link #RELEASE_MIGRATIONS} up to {@link LedgerNamespaces#SCHEMA_VERSION}. */
  public static SchemaMigrator release() {
    return new SchemaMigrator(RELEASE_MIGRATIONS, LedgerNamespaces.SCHEMA_VERSION);
  }

  public int targetVersion() {
    return targetVersion;
  }

  /**
   * The schema version {@code view} records.
   *
   * @throws StorageException if it holds no ledger or the version is corrupt, naming {@code location}
   */
  public static int storedVersion(ReadView view, String location) {
    Optional<byte[]> stored = view.get(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION);
    if (stored.isEmpty()) {
      throw new StorageException("no ledger schema version in " + location + ": not a ledger store");
    }
    try {
      return ChainEncoding.decodeSchemaVersion(stored.get());
    } catch (DecodingException e) {
      throw new StorageException("corrupt schema version in meta (" + location + "): " + e.getMessage(), e);
    }
  }

  /** The steps a store at {@code storedVersion} needs, oldest first (empty when none). */
  public List<SchemaMigration> pending(int storedVersion) {
    return migrations.stream().filter(step -> step.fromVersion() >= storedVersion).toList();
  }

  /**
   * Runs every pending step on {@code store}.
   *
   * @return the steps applied, oldest first
   * @throws MigrationRefusedException when nothing is to be done or can be done, the store unchanged
   * @throws StorageException if a step fails: the steps before it are kept, it is not
   */
  public List<Step> migrate(KeyValueStore store, String location) {
    int version;
    try (StoreSnapshot snapshot = store.snapshot()) {
      version = storedVersion(snapshot, location);
    }
    if (version == targetVersion) {
      throw new MigrationRefusedException("the ledger in " + location + " is already at schema " + version
          + ", the one this release reads: nothing to migrate");
    }
    if (version > targetVersion) {
      throw new MigrationRefusedException("the ledger in " + location + " is at schema " + version
          + ", newer than this release's " + targetVersion + ": it was written by a newer release, and "
          + "migrating down is not supported");
    }
    if (migrations.isEmpty() || version < migrations.get(0).fromVersion()) {
      throw new MigrationRefusedException("the ledger in " + location + " is at schema " + version
          + ", and this release migrates only from schema "
          + (migrations.isEmpty() ? targetVersion : migrations.get(0).fromVersion())
          + ": migrate it with an older release first");
    }
    List<Step> applied = new ArrayList<>();
    for (SchemaMigration migration : pending(version)) {
      int to = migration.fromVersion() + 1;
      try (StoreSnapshot snapshot = store.snapshot(); WriteBatch batch = store.newBatch()) {
        try {
          migration.migrate(snapshot, batch);
        } catch (RuntimeException e) {
          throw new StorageException("migration to schema " + to + " (" + migration.description()
              + ") failed, the store stays at schema " + migration.fromVersion() + " (" + location + "): "
              + e.getMessage(), e);
        }
        if (batch.sizeBytes() > STEP_BATCH_BYTES_MAX) {
          throw new StorageException("migration to schema " + to + " writes " + batch.sizeBytes()
              + " bytes in one step, more than " + STEP_BATCH_BYTES_MAX + "; the store stays at schema "
              + migration.fromVersion() + " (" + location + ")");
        }
        batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION, ChainEncoding.encodeSchemaVersion(to));
        store.write(batch);
      }
      applied.add(new Step(migration.fromVersion(), to, migration.description()));
    }
    return applied;
  }

  /** Nothing to migrate, or no way to: the store is unchanged. */
  public static final class MigrationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MigrationRefusedException(String message) {
      super(message);
    }
  }
}
