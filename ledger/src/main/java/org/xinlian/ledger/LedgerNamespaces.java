package org.xinlian.ledger;

import java.util.Set;
import org.xinlian.storage.Namespace;

/**
 * The storage schema of a ledger: every namespace it writes, in one place, so the world state, the
 * block store and the tools agree on where things are and a store can be opened with all of them.
 * Changing what a namespace holds requires a new {@link #SCHEMA_VERSION}.
 */
public final class LedgerNamespaces {
  /** Bumped whenever the layout of any namespace changes; a store of another version is refused. */
  public static final int SCHEMA_VERSION = 1;

  /** Store-wide facts: schema version, chain identity, head pointer, pruning settings. */
  public static final Namespace META = Namespace.of("meta");
  /** Trie nodes of the state trie and every storage trie, keyed by the hash of their encoding. */
  public static final Namespace TRIE_NODES = Namespace.of("trie_nodes");
  /** Contract code keyed by its Keccak-256 code hash (the EVM's EXTCODEHASH on every suite). */
  public static final Namespace CODE = Namespace.of("code");
  /** Head state, flat: address → account encoding, for reads that skip the trie. */
  public static final Namespace FLAT_ACCOUNTS = Namespace.of("flat_accounts");
  /** Head state, flat: address ‖ slot → value. */
  public static final Namespace FLAT_STORAGE = Namespace.of("flat_storage");
  /** Bookkeeping of the trie-node pruner (which nodes each block wrote). */
  public static final Namespace PRUNING = Namespace.of("pruning");
  /** Block hash → header encoding. */
  public static final Namespace HEADERS = Namespace.of("headers");
  /** Block hash → body (transactions) encoding. */
  public static final Namespace BODIES = Namespace.of("bodies");
  /** Block hash → the block's receipts encoding. */
  public static final Namespace RECEIPTS = Namespace.of("receipts");
  /** Block number (8 bytes, big-endian) → hash of the canonical block at that height. */
  public static final Namespace CANONICAL = Namespace.of("canonical");
  /** Transaction hash → block hash and position. */
  public static final Namespace TX_INDEX = Namespace.of("tx_index");
  /** Block number (8 bytes, big-endian) → the block's 256-byte logs bloom, for range queries. */
  public static final Namespace BLOOMS = Namespace.of("blooms");

  public static final Set<Namespace> ALL = Set.of(
      META, TRIE_NODES, CODE, FLAT_ACCOUNTS, FLAT_STORAGE, PRUNING,
      HEADERS, BODIES, RECEIPTS, CANONICAL, TX_INDEX, BLOOMS);

  private LedgerNamespaces() {}
}
