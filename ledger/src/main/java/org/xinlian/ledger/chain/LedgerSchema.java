package org.xinlian.ledger.chain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.StorageException;

/**
 * The check every reader of a ledger store makes before trusting it (docs/spec/ledger.md
 * LEDGER-5): a store written by another schema version, or holding data without the facts the
 * genesis commit writes, is refused with a message that names the location, rather than being
 * misread block after block.
 */
public final class LedgerSchema {
  /** Longest suite name accepted from META. */
  private static final int SUITE_NAME_BYTES_MAX = 64;

  private LedgerSchema() {}

  /**
   * What the genesis commit recorded.
   *
   * @param head hash of the canonical head block
   * @param suiteName the crypto suite the chain was created with
   */
  public record ChainFacts(Hash head, String suiteName) {}

  /**
   * The chain's facts, or empty for a store with no ledger data at all (a new chain).
   *
   * @param namespaces the namespaces {@code view} was opened with; only these are inspected
   * @param location where the store is, for messages (a directory path)
   * @throws StorageException if the store has another schema version or is inconsistent
   */
  public static Optional<ChainFacts> check(
      ReadView view, Set<Namespace> namespaces, String location) {
    Optional<byte[]> version = view.get(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION);
    if (version.isEmpty()) {
      for (Namespace namespace : LedgerNamespaces.ALL) {
        if (namespaces.contains(namespace) && hasData(view, namespace)) {
          throw new StorageException("store has data in namespace '" + namespace
              + "' but no ledger schema version (" + location
              + "): it was not created by this software's ledger");
        }
      }
      return Optional.empty();
    }
    int schema;
    try {
      schema = ChainEncoding.decodeSchemaVersion(version.get());
    } catch (DecodingException e) {
      throw new StorageException("corrupt schema version in meta (" + location + "): "
          + e.getMessage(), e);
    }
    if (schema < LedgerNamespaces.SCHEMA_VERSION) {
      // docs/spec/operations.md OPS-86: an older layout is migrated offline, never misread.
      throw new StorageException("store schema " + schema + " is older than the schema "
          + LedgerNamespaces.SCHEMA_VERSION + " this build reads (" + location + "): stop the node and run "
          + "'xinlian db migrate --data-dir " + location + "'");
    }
    if (schema != LedgerNamespaces.SCHEMA_VERSION) {
      throw new StorageException("store schema " + schema + ", this build reads "
          + LedgerNamespaces.SCHEMA_VERSION + " (" + location + ")");
    }
    byte[] head = view.get(LedgerNamespaces.META, ChainEncoding.META_HEAD)
        .orElseThrow(() -> new StorageException(
            "store schema " + schema + " has no head block (" + location + ")"));
    if (head.length != Hash.LENGTH) {
      throw new StorageException("corrupt head pointer in meta (" + location + "): "
          + head.length + " bytes, expected " + Hash.LENGTH);
    }
    byte[] suite = view.get(LedgerNamespaces.META, ChainEncoding.META_SUITE)
        .orElseThrow(() -> new StorageException(
            "store schema " + schema + " records no crypto suite (" + location + ")"));
    if (suite.length == 0 || suite.length > SUITE_NAME_BYTES_MAX) {
      throw new StorageException("corrupt suite name in meta (" + location + ")");
    }
    return Optional.of(
        new ChainFacts(Hash.wrap(head), new String(suite, StandardCharsets.UTF_8)));
  }

  private static boolean hasData(ReadView view, Namespace namespace) {
    try (KeyValueIterator entries = view.iterate(namespace, KeyRange.ALL)) {
      return entries.hasNext();
    }
  }
}
