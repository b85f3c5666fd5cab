package org.xinlian.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.TestChain;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionType;

/** LEDGER-2: digests computed once give exactly what {@link BlockRoots} and the codec give. */
class BlockDigestsTest {
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("LEDGER-2 digests equal the reference roots, bloom and transaction hashes")
  void digestsEqualTheReference(String suiteName) {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    for (int count : new int[] {0, 1, 2, 17, 130, 300}) {
      List<Transaction> transactions = new ArrayList<>();
      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        transactions.add(BlockRootsTest.transaction(suite, i));
        receipts.add(Receipt.of(i % 2 == 0 ? TransactionType.LEGACY : TransactionType.DYNAMIC_FEE,
            i % 3 != 0, 21_000L * (i + 1), i % 5 == 0 ? List.of() : List.of(new Log(
                Address.fromHex(String.format("%040x", i)), List.of(Hash.fromHex(String.format("%064x", i))),
                new byte[] {(byte) i}))));
      }
      BlockDigests digests = BlockDigests.compute(suite, transactions, receipts);
      assertEquals(BlockRoots.transactionsRoot(suite, transactions), digests.transactionsRoot(), "count " + count);
      assertEquals(BlockRoots.receiptsRoot(suite, receipts), digests.receiptsRoot(), "count " + count);
      assertEquals(BlockRoots.logsBloom(receipts), digests.logsBloom(), "count " + count);
      TransactionCodec codec = TransactionCodec.of(suite);
      for (int i = 0; i < count; i++) {
        assertEquals(codec.hash(transactions.get(i)), digests.transactionHashes().get(i));
      }
      assertTrue(digests.describe(new ArrayList<>(transactions), new ArrayList<>(receipts)));
      if (count > 1) {
        assertFalse(digests.describe(transactions.subList(1, count), receipts.subList(1, count)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("LEDGER-3 digests of another body are ignored: the store computes its own")
  void digestsOfAnotherBodyAreIgnored(String suiteName) {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL);
    TestChain chain = new TestChain(store, suite, 21);
    chain.commitBlocks(1);
    try (WriteBatch batch = store.newBatch()) {
      TestChain.PreparedBlock prepared = chain.prepareNext(batch, 3);
      BlockDigests unrelated = BlockDigests.compute(suite, List.of(), List.of());
      Hash hash = chain.blocks().commitBlock(batch, prepared.block(), prepared.receipts(), unrelated);
      assertEquals(prepared.block().header().hash(suite), hash);
    }
    assertEquals(3, chain.blocks().block(2).orElseThrow().transactions().size());
  }
}
