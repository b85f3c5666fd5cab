package org.xinlian.node.backup;

import java.nio.file.Path;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.chain.LedgerSchema;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteDurability;
import org.xinlian.storage.StoreCheckpoints;

/**
 * What a ledger directory says of itself, read without changing it (a read-only open).
 *
 * @param suite the crypto suite the genesis recorded
 * @param height the head block's number
 * @param headHash the head block's hash
 * @param genesisHash block 0's hash
 */
record LedgerFacts(String suite, long height, Hash headHash, Hash genesisHash) {
  /** Reading walks no more than a few keys: no cache needed. */
  private static final long BLOCK_CACHE_BYTES = 1024 * 1024;

  /**
   * @throws StorageException if the directory holds no readable ledger
   */
  static LedgerFacts read(Path ledger) {
    String location = ledger.toString();
    try (KeyValueStore store = StoreCheckpoints.openReadOnly(new StoreOptions(ledger,
        LedgerNamespaces.ALL, WriteDurability.SURVIVE_PROCESS_CRASH, BLOCK_CACHE_BYTES))) {
      LedgerSchema.ChainFacts facts = LedgerSchema.check(store, LedgerNamespaces.ALL, location)
          .orElseThrow(() -> new StorageException("no ledger in " + location));
      if (!CryptoSuites.names().contains(facts.suiteName())) {
        throw new StorageException("the ledger in " + location + " records an unknown crypto suite '"
            + facts.suiteName() + "'");
      }
      BlockStore blocks = BlockStore.open(store, CryptoSuites.byName(facts.suiteName()), location);
      Hash genesis = blocks.canonicalHash(0)
          .orElseThrow(() -> new StorageException("the ledger in " + location + " has no block 0"));
      return new LedgerFacts(facts.suiteName(), blocks.head().orElseThrow().number(), facts.head(), genesis);
    }
  }
}
