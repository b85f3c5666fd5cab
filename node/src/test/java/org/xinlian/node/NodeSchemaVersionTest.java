package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;

/**
 * docs/spec/operations.md OPS-84: a node refuses to start on a ledger of an older schema, naming
 * the command that migrates it, and on one of a newer schema; after either refusal the store is
 * closed and, back at this release's schema, the node starts.
 */
class NodeSchemaVersionTest {
  @TempDir Path directory;

  private static void setSchema(Path ledger, int version) {
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(ledger, LedgerNamespaces.ALL));
        WriteBatch batch = store.newBatch()) {
      batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION, ChainEncoding.encodeSchemaVersion(version));
      store.write(batch);
    }
  }

  @Test
  void anOlderOrNewerLedgerIsRefusedAtStart() throws Exception {
    NodeConfig config = DevChain.prepare(directory, 0, 0, Clock.system());
    Node.start(config, Clock.system()).close();
    Path ledger = config.dataDirectory();

    setSchema(ledger, 0);
    NodeStartException older = assertThrows(NodeStartException.class, () -> Node.start(config, Clock.system()));
    assertEquals("cannot start on the data directory " + ledger + ": store schema 0 is older than the schema 1 this "
        + "build reads (" + ledger + "): stop the node and run 'xinlian db migrate --data-dir " + ledger + "'",
        older.getMessage());

    setSchema(ledger, 2);
    NodeStartException newer = assertThrows(NodeStartException.class, () -> Node.start(config, Clock.system()));
    assertEquals("cannot start on the data directory " + ledger + ": store schema 2, this build reads 1 (" + ledger
        + ")", newer.getMessage());

    setSchema(ledger, LedgerNamespaces.SCHEMA_VERSION);
    Node.start(config, Clock.system()).close();
  }
}
