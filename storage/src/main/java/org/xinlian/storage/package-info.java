/**
 * The key-value layer every persistent part of a node stands on. It is deliberately small (named
 * namespaces, atomic batches, consistent snapshots, ordered iteration) so that RocksDB and the
 * in-memory store obey one contract, tested by one suite, and so that the ledger never depends on
 * RocksDB types.
 */
package org.xinlian.storage;
