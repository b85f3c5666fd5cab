package org.xinlian.types.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/** Headers and blocks on both suites (docs/spec/types.md TYPES-20, TYPES-23). */
class BlockCodecTest {
  private final CryptoSuite standard = CryptoSuites.standard();
  private final CryptoSuite gm = CryptoSuites.gm();

  static BlockHeader header(byte[] certificate) {
    return new BlockHeader(
        Hash.fromHex("11".repeat(32)), 42, 1_700_000_000L,
        Address.fromHex("22".repeat(20)), Hash.fromHex("33".repeat(32)),
        Hash.fromHex("44".repeat(32)), Hash.fromHex("55".repeat(32)),
        LogsBloom.EMPTY.with(new byte[] {1}), 21_000, 30_000_000, new byte[] {7, 7},
        certificate);
  }

  /** TYPES-20: the hash covers every field but the commit certificate. */
  @Test
  void headerHashExcludesTheCommitCertificate() {
    BlockCodec codec = BlockCodec.of(standard);
    BlockHeader unsigned = header(new byte[0]);
    BlockHeader certified = unsigned.withCommitCertificate(new byte[] {1, 2, 3});
    assertEquals(codec.headerHash(unsigned), codec.headerHash(certified));
    assertNotEquals(
        Hash.wrap(Keccak256.hash(codec.encodeHeader(certified))), codec.headerHash(certified));
    assertEquals(Hash.wrap(Keccak256.hash(codec.hashPayload(certified))),
        codec.headerHash(certified));
    BlockHeader otherNumber = new BlockHeader(unsigned.parentHash(), 43, unsigned.timestamp(),
        unsigned.proposer(), unsigned.stateRoot(), unsigned.transactionsRoot(),
        unsigned.receiptsRoot(), unsigned.logsBloom(), unsigned.gasUsed(), unsigned.gasLimit(),
        unsigned.extraData(), certified.commitCertificate());
    assertNotEquals(codec.headerHash(unsigned), codec.headerHash(otherNumber));
    // On gm chains the hash is SM3 of the same payload.
    assertEquals(gm.hashOf(codec.hashPayload(certified)), certified.hash(gm));
    assertEquals(certified, codec.decodeHeader(codec.encodeHeader(certified)));
  }

  /** TYPES-23: blocks with every transaction type round-trip on both suites. */
  @Test
  void blocksRoundTripOnBothSuites() {
    for (CryptoSuite suite : List.of(standard, gm)) {
      Block block = sampleBlock(suite);
      BlockCodec codec = BlockCodec.of(suite);
      byte[] encoded = codec.encodeBlock(block);
      Block decoded = codec.decodeBlock(encoded);
      assertEquals(block, decoded);
      assertArrayEquals(encoded, codec.encodeBlock(decoded));
      assertEquals(codec.headerHash(block.header()), decoded.hash(suite));
    }
  }

  /** TYPES-23: a block of one suite does not decode on the other; errors carry the path. */
  @Test
  void transactionErrorsNameTheirPathInTheBlock() {
    byte[] gmBlock = BlockCodec.of(gm).encodeBlock(sampleBlock(gm));
    DecodingException error =
        assertThrows(DecodingException.class, () -> BlockCodec.of(standard).decodeBlock(gmBlock));
    assertTrue(error.field().startsWith("block.transactions[0]"), error.getMessage());
  }

  /** TYPES-23: a legacy transaction wrapped in a byte string is not canonical. */
  @Test
  void legacyTransactionAsByteStringIsRejected() {
    Block block = sampleBlock(standard);
    byte[] legacy = TransactionCodec.of(standard).encode(block.transactions().get(0));
    RlpWriter writer = new RlpWriter().startList();
    writer.writeEncoded(BlockCodec.of(standard).encodeHeader(block.header()));
    writer.startList().writeBytes(legacy).endList();
    byte[] encoded = writer.endList().toByteArray();
    DecodingException error =
        assertThrows(DecodingException.class, () -> BlockCodec.of(standard).decodeBlock(encoded));
    assertEquals("block.transactions[0]", error.field());
  }

  /** TYPES-20: header limits on extra data and certificate size. */
  @Test
  void headerFieldLimitsAreEnforced() {
    assertThrows(IllegalArgumentException.class,
        () -> header(new byte[BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX + 1]));
    BlockHeader base = header(new byte[0]);
    RlpWriter writer = new RlpWriter().startList();
    writer.writeBytes(base.parentHash().toArray()).writeUnsignedLong(1).writeUnsignedLong(2);
    writer.writeBytes(base.proposer().toArray());
    for (int i = 0; i < 3; i++) {
      writer.writeBytes(Hash.ZERO.toArray());
    }
    writer.writeBytes(LogsBloom.EMPTY.toArray()).writeUnsignedLong(0).writeUnsignedLong(0);
    writer.writeBytes(new byte[BlockHeader.EXTRA_DATA_BYTES_MAX + 1]).writeBytes(new byte[0]);
    byte[] encoded = writer.endList().toByteArray();
    assertEquals(
        "header.extraData",
        assertThrows(DecodingException.class,
            () -> BlockCodec.of(standard).decodeHeader(encoded)).field());
  }

  static Block sampleBlock(CryptoSuite suite) {
    TransactionCodec codec = TransactionCodec.of(suite);
    byte[] scalar = new byte[32];
    scalar[31] = 5;
    var key = suite.keyPairFromPrivateKey(scalar).privateKey();
    Address to = Address.fromHex("33".repeat(20));
    List<Transaction> transactions = List.of(
        codec.sign(new UnsignedTransaction.Legacy(0, BigInteger.ONE, 21_000, Optional.of(to),
            BigInteger.TEN, new byte[0], OptionalLong.of(7)), key),
        codec.sign(new UnsignedTransaction.AccessList(7, 1, BigInteger.ONE, 30_000,
            Optional.of(to), BigInteger.ZERO, new byte[] {1}, List.of()), key),
        codec.sign(new UnsignedTransaction.DynamicFee(7, 2, BigInteger.ONE, BigInteger.TWO,
            60_000, Optional.empty(), BigInteger.ZERO, new byte[] {0x60, 0}, List.of()), key));
    return new Block(header(new byte[] {9, 9, 9}), transactions);
  }
}
