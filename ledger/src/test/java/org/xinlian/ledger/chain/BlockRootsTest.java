package org.xinlian.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.block.ReceiptCodec;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionType;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * LEDGER-2: transactions and receipts roots. ethereum/tests BlockchainTests are not among the
 * shared oracles, so the expected roots here are built by hand from the yellow paper (appendix D)
 * with only RLP and Keccak-256, never through the trie under test: a one-item ordered trie is a
 * single leaf {@code [hexPrefix([8,0], leaf) = 0x2080, value]}; a two-item one is a branch with
 * the leaf for key {@code 0x01} (nibbles 0,1) under child 0 with path {@code 0x31} and the leaf for
 * key {@code 0x80} (nibbles 8,0) under child 8 with path {@code 0x30}.
 */
class BlockRootsTest {
  /** Yellow paper: the root of the empty trie, keccak(rlp("")). */
  private static final Hash EMPTY_TRIE_KECCAK =
      Hash.fromHex("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final CryptoSuite standard = CryptoSuites.standard();

  @Test
  void emptyBlockHasTheEmptyTrieRoot() {
    assertEquals(EMPTY_TRIE_KECCAK, BlockRoots.transactionsRoot(standard, List.of()));
    assertEquals(EMPTY_TRIE_KECCAK, BlockRoots.receiptsRoot(standard, List.of()));
    assertEquals(LogsBloom.EMPTY, BlockRoots.logsBloom(List.of()));
  }

  @Test
  void oneTransactionRootIsTheKeccakOfASingleLeaf() {
    Transaction transaction = transaction(standard, 0);
    byte[] envelope = TransactionCodec.of(standard).encode(transaction);
    byte[] leaf = leaf(new byte[] {0x20, (byte) 0x80}, envelope);
    assertEquals(Hash.wrap(Keccak256.hash(leaf)),
        BlockRoots.transactionsRoot(standard, List.of(transaction)));
  }

  @Test
  void twoReceiptsRootIsTheKeccakOfABranchOverTwoLeaves() {
    Receipt first = Receipt.of(TransactionType.LEGACY, true, 21_000, List.of());
    Receipt second = Receipt.of(TransactionType.DYNAMIC_FEE, false, 50_000,
        List.of(new Log(Address.fromHex("11".repeat(20)),
            List.of(Hash.fromHex("22".repeat(32))), new byte[] {1})));
    byte[] leafOfKey80 = leaf(new byte[] {0x30}, ReceiptCodec.encode(first));
    byte[] leafOfKey01 = leaf(new byte[] {0x31}, ReceiptCodec.encode(second));
    List<byte[]> branch = new ArrayList<>();
    for (int nibble = 0; nibble < 16; nibble++) {
      byte[] child = nibble == 0 ? Keccak256.hash(leafOfKey01)
          : nibble == 8 ? Keccak256.hash(leafOfKey80) : new byte[0];
      branch.add(Rlp.encodeBytes(child));
    }
    branch.add(Rlp.encodeBytes(new byte[0]));
    Hash expected = Hash.wrap(Keccak256.hash(Rlp.encodeList(branch)));
    assertEquals(expected, BlockRoots.receiptsRoot(standard, List.of(first, second)));
    assertEquals(first.logsBloom().or(second.logsBloom()),
        BlockRoots.logsBloom(List.of(first, second)));
  }

  @Test
  void gmChainsHashTheirRootsWithSm3() {
    CryptoSuite gm = CryptoSuites.gm();
    assertEquals(gm.hashOf(new byte[] {(byte) 0x80}), BlockRoots.transactionsRoot(gm, List.of()));
    Transaction transaction = transaction(gm, 3);
    byte[] leaf = leaf(new byte[] {0x20, (byte) 0x80}, TransactionCodec.of(gm).encode(transaction));
    Hash root = BlockRoots.transactionsRoot(gm, List.of(transaction));
    assertEquals(gm.hashOf(leaf), root);
    assertNotEquals(Hash.wrap(Keccak256.hash(leaf)), root);
  }

  private static byte[] leaf(byte[] compactPath, byte[] value) {
    return Rlp.encodeList(List.of(Rlp.encodeBytes(compactPath), Rlp.encodeBytes(value)));
  }

  static Transaction transaction(CryptoSuite suite, long nonce) {
    byte[] scalar = new byte[32];
    scalar[31] = 9;
    return TransactionCodec.of(suite).sign(new UnsignedTransaction.Legacy(nonce, BigInteger.ONE,
        21_000, Optional.of(Address.fromHex("33".repeat(20))), BigInteger.TEN, new byte[0],
        OptionalLong.of(7)), suite.keyPairFromPrivateKey(scalar).privateKey());
  }
}
