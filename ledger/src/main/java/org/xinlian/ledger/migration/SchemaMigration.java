package org.xinlian.ledger.migration;

import org.xinlian.storage.ReadView;
import org.xinlian.storage.WriteBatch;

/**
 * One step of the ledger's storage schema (docs/spec/operations.md OPS-85): it rewrites a store of
 * schema {@link #fromVersion} into schema {@code fromVersion + 1}. The {@link SchemaMigrator}
 * writes the step's changes and the version bump in one batch, so a crash leaves the store at
 * one version or the next, never between; a step too large for one batch must be split into
 * several versions.
 */
public interface SchemaMigration {
  /** The schema this step reads; it writes {@code fromVersion() + 1}. */
  int fromVersion();

  /** What the step changes, one line, for the operator ({@code xinlian db migrate}). */
  String description();

  /**
   * Puts the step's writes and deletes into {@code batch}, reading the store as it stands at
   * {@link #fromVersion}. It must not write the schema version itself.
   *
   * @throws RuntimeException to abandon the step: nothing of it is written
   */
  void migrate(ReadView store, WriteBatch batch);
}
