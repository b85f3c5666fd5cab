package org.xinlian.types.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.rlp.RlpList;
import org.xinlian.types.rlp.RlpString;

/** Both suites' envelopes (docs/adr/0002; docs/spec/types.md TYPES-10, TYPES-12, TYPES-13). */
class TransactionCodecTest {
  private final CryptoSuite standard = CryptoSuites.standard();
  private final CryptoSuite gm = CryptoSuites.gm();
  private final TransactionCodec standardCodec = TransactionCodec.of(standard);
  private final TransactionCodec gmCodec = TransactionCodec.of(gm);

  private static List<UnsignedTransaction> samples() {
    return List.of(
        TransactionFixtures.legacy(OptionalLong.of(1)),
        TransactionFixtures.accessList(),
        TransactionFixtures.creation());
  }

  /** TYPES-12: gm sign, encode, decode, recover sender; hash is SM3 of the envelope. */
  @Test
  void gmTransactionsRoundTripWithEmbeddedKey() {
    KeyPair key = TransactionFixtures.key(gm, 1);
    for (UnsignedTransaction unsigned : samples()) {
      Transaction signed = gmCodec.sign(unsigned, key.privateKey());
      byte[] envelope = gmCodec.encode(signed);
      Transaction decoded = gmCodec.decode(envelope);
      assertEquals(signed, decoded);
      assertEquals(gm.address(key.publicKey()), decoded.sender(gm));
      assertEquals(gm.hashOf(envelope), decoded.hash(gm));
      VerifiedTransaction verified = gmCodec.verify(envelope);
      assertEquals(gm.hashOf(envelope), verified.hash());
      assertEquals(gm.address(key.publicKey()), verified.sender());
      // ADR 0002: one more string after s, holding the 64-byte key; zero recovery bit.
      List<?> items = envelopeItems(envelope);
      assertArrayEquals(key.publicKey().bytes(), ((RlpString) items.get(items.size() - 1)).bytes());
      byte[] v = ((RlpString) items.get(items.size() - 4)).bytes();
      BigInteger expectedV =
          unsigned instanceof UnsignedTransaction.Legacy
              ? BigInteger.valueOf(2 * 1 + 35)
              : BigInteger.ZERO;
      assertEquals(expectedV, new BigInteger(1, v));
    }
  }

  /** TYPES-12: the same fields on a standard chain give Ethereum's envelope, one item shorter. */
  @Test
  void standardTransactionsRoundTrip() {
    KeyPair key = TransactionFixtures.key(standard, 1);
    KeyPair gmKey = TransactionFixtures.key(gm, 1);
    for (UnsignedTransaction unsigned : samples()) {
      Transaction signed = standardCodec.sign(unsigned, key.privateKey());
      byte[] envelope = standardCodec.encode(signed);
      assertEquals(signed, standardCodec.decode(envelope));
      assertEquals(standard.address(key.publicKey()), signed.sender(standard));
      byte[] gmEnvelope = gmCodec.encode(gmCodec.sign(unsigned, gmKey.privateKey()));
      assertEquals(envelopeItems(envelope).size() + 1, envelopeItems(gmEnvelope).size());
      if (unsigned.type() != TransactionType.LEGACY) {
        assertEquals(unsigned.type().typeByte(), gmEnvelope[0]);
        assertEquals(unsigned.type().typeByte(), envelope[0]);
      }
    }
  }

  /** TYPES-13: each codec rejects the other suite's envelopes, naming the field. */
  @Test
  void envelopesOfTheOtherSuiteAreRejected() {
    for (UnsignedTransaction unsigned : samples()) {
      byte[] standardEnvelope =
          standardCodec.encode(
              standardCodec.sign(unsigned, TransactionFixtures.key(standard, 2).privateKey()));
      byte[] gmEnvelope =
          gmCodec.encode(gmCodec.sign(unsigned, TransactionFixtures.key(gm, 2).privateKey()));
      DecodingException onGm =
          assertThrows(DecodingException.class, () -> gmCodec.decode(standardEnvelope));
      assertTrue(
          onGm.field().equals("transaction.publicKey") || onGm.field().equals("transaction.v")
              || onGm.field().equals("transaction.yParity"),
          onGm.getMessage());
      DecodingException onStandard =
          assertThrows(DecodingException.class, () -> standardCodec.decode(gmEnvelope));
      assertEquals("transaction", onStandard.field(), onStandard.getMessage());
    }
  }

  /** TYPES-12: gm chains require EIP-155; a pre-155 legacy cannot be signed or decoded. */
  @Test
  void gmRequiresReplayProtection() {
    UnsignedTransaction unprotected = TransactionFixtures.legacy(OptionalLong.empty());
    assertThrows(
        IllegalArgumentException.class,
        () -> gmCodec.sign(unprotected, TransactionFixtures.key(gm, 3).privateKey()));
    Transaction standardSigned =
        standardCodec.sign(unprotected, TransactionFixtures.key(standard, 3).privateKey());
    assertEquals(OptionalLong.empty(), standardCodec.decode(standardCodec.encode(standardSigned))
        .signedChainId());
  }

  /** TYPES-12: a gm signature that does not verify against its embedded key gives no sender. */
  @Test
  void tamperedGmSignatureHasNoSender() {
    Transaction signed =
        gmCodec.sign(TransactionFixtures.accessList(), TransactionFixtures.key(gm, 4).privateKey());
    Signature original = signed.signature();
    Signature tampered =
        Signature.withSignerKey(original.r(), original.s().add(BigInteger.ONE),
            original.signerKey());
    Transaction forged = signed.unsigned().withSignature(tampered);
    Transaction decoded = gmCodec.decode(gmCodec.encode(forged));
    assertThrows(InvalidSignatureException.class, () -> decoded.sender(gm));
    // Another signer's key with the original signature fails too: the key names the sender.
    Signature otherKey =
        Signature.withSignerKey(original.r(), original.s(),
            TransactionFixtures.key(gm, 5).publicKey());
    assertThrows(
        InvalidSignatureException.class,
        () -> gmCodec.sender(signed.unsigned().withSignature(otherKey)));
  }

  /** TYPES-11: the high-s twin of a valid signature gives no sender (EIP-2). */
  @Test
  void highSIsRejected() {
    Transaction signed =
        standardCodec.sign(TransactionFixtures.creation(),
            TransactionFixtures.key(standard, 6).privateKey());
    BigInteger n = new BigInteger(
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    Signature low = signed.signature();
    Signature high = Signature.recoverable(low.r(), n.subtract(low.s()), 1 - low.recoveryId());
    Transaction twin = signed.unsigned().withSignature(high);
    assertThrows(InvalidSignatureException.class, () -> twin.sender(standard));
  }

  /** TYPES-10: oversize input is rejected before parsing. */
  @Test
  void oversizeTransactionsAreRejected() {
    byte[] big = new byte[TransactionCodec.TRANSACTION_BYTES_MAX + 1];
    big[0] = (byte) 0xc0;
    DecodingException error =
        assertThrows(DecodingException.class, () -> standardCodec.decode(big));
    assertEquals("transaction", error.field());
  }

  private static List<?> envelopeItems(byte[] envelope) {
    int start = (envelope[0] & 0xff) >= 0xc0 ? 0 : 1;
    byte[] list = java.util.Arrays.copyOfRange(envelope, start, envelope.length);
    return ((RlpList) Rlp.decode(list, "envelope")).items();
  }
}
