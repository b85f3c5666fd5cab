package org.xinlian.crypto.standard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;
import org.xinlian.crypto.SignerIdentification;

/** Known answers from Ethereum specifications and go-ethereum's test suite, not from this code. */
class StandardSuiteKnownAnswerTest {
  private final StandardSuite suite = new StandardSuite();

  /** secp256k1 order n, SEC 2 v2 §2.4.1. */
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  /** secp256k1 field prime p, SEC 2 v2 §2.4.1. */
  private static final BigInteger P =
      new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);

  /** EIP-155 example: private key 0x4646...46. */
  private static final byte[] EIP155_PRIVATE_KEY = filled(32, 0x46);

  /** go-ethereum crypto/signature_test.go: testmsg, testsig (r || s || v=1) and testpubkey. */
  private static final byte[] GETH_DIGEST =
      Hex.decode("0xce0677bb30baa8cf067c88db9811f4333d131bf8bcf12fe7065d211dce971008");
  private static final byte[] GETH_SIGNATURE =
      Hex.decode(
          "0x90f27b8b488db00b00606796d2987f6a5f59ae62ea05effe84fef5b8b0e54998"
              + "4a691139ad57a3f0b906637673aa2f63d1f55cb1a69199d4009eea23ceaddc9301");
  private static final byte[] GETH_PUBLIC_KEY =
      Hex.decode(
          "0x04e32df42865e97135acfb65f3bae71bdc86f4d49150ad6a440b6f15878109880a"
              + "0a2b2667f7e725ceea70c673093bf67663e0312623c8e091b13cf2c0f11ef652");
  private static final byte[] GETH_PUBLIC_KEY_COMPRESSED =
      Hex.decode("0x02e32df42865e97135acfb65f3bae71bdc86f4d49150ad6a440b6f15878109880a");

  @Test
  void identifiesItself() {
    assertEquals("standard", suite.name());
    assertEquals(SignerIdentification.RECOVERED_FROM_SIGNATURE, suite.signerIdentification());
    assertEquals(32, suite.symmetricKeyLength());
    assertEquals("standard", CryptoSuites.standard().name());
    assertEquals("standard", CryptoSuites.byName("standard").name());
  }

  @Test
  void keccak256MatchesPublishedDigests() {
    // Keccak-256 of the empty string: Ethereum's empty code hash (Yellow Paper, go-ethereum).
    assertEquals(
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(suite.hash(new byte[0])));
    // go-ethereum crypto/crypto_test.go TestKeccak256Hash: "abc".
    assertEquals(
        "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        Hex.encode(suite.hash("abc".getBytes(StandardCharsets.US_ASCII))));
    byte[] padded = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(suite.hash("abc".getBytes(StandardCharsets.US_ASCII)), suite.hash(padded, 2, 3));
  }

  @Test
  void privateKeyOneGivesTheGenerator() {
    KeyPair pair = suite.keyPairFromPrivateKey(scalar(BigInteger.ONE));
    // SEC 2 v2 §2.4.1, the base point G.
    assertEquals(
        "0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
        pair.publicKey().toHexString());
    // The widely published Ethereum address of private key 1.
    assertEquals(
        Address.fromHex("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"),
        suite.address(pair.publicKey()));
  }

  @Test
  void addressesMatchPublishedKeys() {
    // EIP-155 example.
    assertEquals(
        Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"),
        suite.address(suite.keyPairFromPrivateKey(EIP155_PRIVATE_KEY).publicKey()));
    // go-ethereum crypto/crypto_test.go: testPrivHex / testAddrHex.
    byte[] gethKey = Hex.decode("289c2857d4598e37fb9647507e47a309d6133539bf21a8b9cb6df88fd5232032");
    assertEquals(
        Address.fromHex("970e8128ab834e8eac17ab8e3812f010678cf791"),
        suite.address(suite.keyPairFromPrivateKey(gethKey).publicKey()));
  }

  @Test
  void signsTheEip155ExampleDeterministically() {
    // EIP-155 example transaction: signing hash, then v = 37 on chain 1, so recovery id 37 - 35 - 2 = 0.
    byte[] signingHash =
        Hex.decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    KeyPair pair = suite.keyPairFromPrivateKey(EIP155_PRIVATE_KEY);
    Signature signature = suite.sign(pair.privateKey(), signingHash);
    assertEquals(
        new BigInteger(
            "18515461264373351373200002665853028612451056578545711640558177340181847433846"),
        signature.r());
    assertEquals(
        new BigInteger(
            "46948507304638947509940763649030358759909902576025900602547168820602576006531"),
        signature.s());
    assertEquals(0, signature.recoveryId());
    assertTrue(suite.verify(pair.publicKey(), signingHash, signature));
    assertEquals(pair.publicKey(), suite.recoverSigner(signingHash, signature));
  }

  @Test
  void recoversGoEthereumTestSignature() {
    Signature signature = suite.decodeSignature(GETH_SIGNATURE);
    assertEquals(1, signature.recoveryId());
    PublicKey expected = suite.publicKeyFromBytes(GETH_PUBLIC_KEY);
    assertEquals(expected, suite.recoverSigner(GETH_DIGEST, signature));
    assertTrue(suite.verify(expected, GETH_DIGEST, signature));
    assertArrayEquals(GETH_SIGNATURE, suite.encodeSignature(signature));
    assertEquals(expected, suite.publicKeyFromBytes(GETH_PUBLIC_KEY_COMPRESSED));
    assertEquals(expected, suite.publicKeyFromBytes(Arrays.copyOfRange(GETH_PUBLIC_KEY, 1, 65)));
    // The wrong recovery id recovers some other key, never the signer.
    Signature otherParity = Signature.recoverable(signature.r(), signature.s(), 0);
    assertFalse(expected.equals(suite.recoverSigner(GETH_DIGEST, otherParity)));
  }

  @Test
  void highSIsRejectedForTransactionsButRecoveredForEcrecover() {
    Signature low = suite.decodeSignature(GETH_SIGNATURE);
    BigInteger highS = N.subtract(low.s());
    Signature high = Signature.recoverable(low.r(), highS, low.recoveryId() ^ 1);
    PublicKey expected = suite.publicKeyFromBytes(GETH_PUBLIC_KEY);

    assertThrows(InvalidSignatureException.class, () -> suite.recoverSigner(GETH_DIGEST, high));
    assertFalse(suite.verify(expected, GETH_DIGEST, high));
    assertTrue(suite.verify(expected, GETH_DIGEST, high.r(), high.s(), false));
    assertEquals(
        expected,
        suite.recoverAllowingHighS(GETH_DIGEST, high.r(), high.s(), high.recoveryId()).orElseThrow());
    assertTrue(suite.recoverAllowingHighS(GETH_DIGEST, low.r(), N, 1).isEmpty());
    assertTrue(suite.recoverAllowingHighS(GETH_DIGEST, BigInteger.ZERO, low.s(), 1).isEmpty());
    assertTrue(suite.recoverAllowingHighS(GETH_DIGEST, low.r(), low.s(), 4).isEmpty());
  }

  @Test
  void recoveryRejectsNoncePointsThatDoNotExist() {
    // recovery id 2/3 means x = r + n, which must stay below p: r = p - n makes x = p.
    BigInteger r = P.subtract(N);
    Signature overflow = Signature.recoverable(r, BigInteger.ONE, 2);
    assertThrows(InvalidSignatureException.class, () -> suite.recoverSigner(GETH_DIGEST, overflow));
    // x = 5: 5^3 + 7 = 132 is not a square modulo p (Euler's criterion), so no point has x = 5.
    assertEquals(P.subtract(BigInteger.ONE), BigInteger.valueOf(132).modPow(P.shiftRight(1), P));
    Signature offCurve = Signature.recoverable(BigInteger.valueOf(5), BigInteger.ONE, 0);
    assertThrows(InvalidSignatureException.class, () -> suite.recoverSigner(GETH_DIGEST, offCurve));
    Signature noId = Signature.withSignerKey(BigInteger.ONE, BigInteger.ONE, suite.publicKeyFromBytes(GETH_PUBLIC_KEY));
    assertThrows(InvalidSignatureException.class, () -> suite.recoverSigner(GETH_DIGEST, noId));
  }

  @Test
  void rejectsInvalidPrivateKeys() {
    assertField("privateKey", () -> suite.keyPairFromPrivateKey(scalar(BigInteger.ZERO)));
    assertField("privateKey", () -> suite.keyPairFromPrivateKey(scalar(N)));
    assertField("privateKey", () -> suite.keyPairFromPrivateKey(filled(32, 0xff)));
    assertField("privateKey", () -> suite.keyPairFromPrivateKey(new byte[31]));
    assertField("privateKey", () -> suite.keyPairFromPrivateKey(null));
    suite.keyPairFromPrivateKey(scalar(N.subtract(BigInteger.ONE)));
  }

  @Test
  void rejectsInvalidPublicKeys() {
    byte[] offCurve = GETH_PUBLIC_KEY.clone();
    offCurve[64] ^= 1;
    assertField("publicKey", () -> suite.publicKeyFromBytes(offCurve));
    byte[] hybrid = GETH_PUBLIC_KEY.clone();
    hybrid[0] = 0x06;
    assertField("publicKey", () -> suite.publicKeyFromBytes(hybrid));
    byte[] badPrefix = GETH_PUBLIC_KEY_COMPRESSED.clone();
    badPrefix[0] = 0x04;
    assertField("publicKey", () -> suite.publicKeyFromBytes(badPrefix));
    // Compressed x = 5 has no point (see recoveryRejectsNoncePointsThatDoNotExist).
    byte[] noPoint = new byte[33];
    noPoint[0] = 0x02;
    noPoint[32] = 5;
    assertField("publicKey", () -> suite.publicKeyFromBytes(noPoint));
    // Coordinates at or above p are not field elements, even if they reduce onto the curve.
    byte[] xAboveP = new byte[64];
    byte[] pBytes = scalar(P);
    System.arraycopy(pBytes, 0, xAboveP, 0, 32);
    assertField("publicKey", () -> suite.publicKeyFromBytes(xAboveP));
    assertField("publicKey", () -> suite.publicKeyFromBytes(new byte[64]));
    assertField("publicKey", () -> suite.publicKeyFromBytes(new byte[63]));
    assertField("publicKey", () -> suite.publicKeyFromBytes(new byte[0]));
    assertField("publicKey", () -> suite.publicKeyFromBytes(null));
  }

  @Test
  void rejectsInvalidSignatureEncodings() {
    assertField("signature", () -> suite.decodeSignature(new byte[64]));
    assertField("signature", () -> suite.decodeSignature(new byte[66]));
    assertField("signature", () -> suite.decodeSignature(null));
    byte[] zeroR = GETH_SIGNATURE.clone();
    Arrays.fill(zeroR, 0, 32, (byte) 0);
    assertField("signature", () -> suite.decodeSignature(zeroR));
    byte[] sAtN = GETH_SIGNATURE.clone();
    System.arraycopy(scalar(N), 0, sAtN, 32, 32);
    assertField("signature", () -> suite.decodeSignature(sAtN));
    byte[] recoveryIdFour = GETH_SIGNATURE.clone();
    recoveryIdFour[64] = 4;
    assertField("signature", () -> suite.decodeSignature(recoveryIdFour));
    byte[] recoveryId27 = GETH_SIGNATURE.clone();
    recoveryId27[64] = 27;
    assertField("signature", () -> suite.decodeSignature(recoveryId27));
  }

  @Test
  void rejectsKeysOfAnotherSuiteAndBadDigests() {
    KeyPair pair = suite.keyPairFromPrivateKey(EIP155_PRIVATE_KEY);
    PublicKey gmKey = new PublicKey("gm", pair.publicKey().bytes());
    Signature signature = suite.sign(pair.privateKey(), GETH_DIGEST);
    assertThrows(IllegalArgumentException.class, () -> suite.verify(gmKey, GETH_DIGEST, signature));
    assertThrows(IllegalArgumentException.class, () -> suite.address(gmKey));
    assertThrows(IllegalArgumentException.class, () -> suite.sign(pair.privateKey(), new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> suite.recoverSigner(new byte[33], signature));
    // A key constructed around an off-curve point verifies nothing.
    byte[] offCurve = pair.publicKey().bytes();
    offCurve[63] ^= 1;
    assertFalse(suite.verify(new PublicKey("standard", offCurve), GETH_DIGEST, signature));
  }

  private static void assertField(String field, Runnable decoding) {
    DecodingException e = assertThrows(DecodingException.class, decoding::run);
    assertEquals(field, e.field());
  }

  private static byte[] scalar(BigInteger value) {
    byte[] out = new byte[32];
    byte[] magnitude = value.toByteArray();
    int length = Math.min(magnitude.length, 32);
    System.arraycopy(magnitude, magnitude.length - length, out, 32 - length, length);
    return out;
  }

  private static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }
}
