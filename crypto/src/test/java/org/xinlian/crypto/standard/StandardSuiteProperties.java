package org.xinlian.crypto.standard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;

class StandardSuiteProperties {
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private final StandardSuite suite = new StandardSuite();

  @Provide
  Arbitrary<byte[]> privateKeys() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, N.subtract(BigInteger.ONE))
        .edgeCases(edges -> edges.includeOnly(BigInteger.ONE, N.subtract(BigInteger.ONE)))
        .map(StandardSuiteProperties::scalar);
  }

  @Property(tries = 200)
  void signedDigestsRecoverAndVerify(
      @ForAll("privateKeys") byte[] privateKey, @ForAll @Size(32) byte[] digest) {
    KeyPair pair = suite.keyPairFromPrivateKey(privateKey);
    Signature signature = suite.sign(pair.privateKey(), digest);

    assertTrue(signature.s().compareTo(N.shiftRight(1)) <= 0, "low S");
    assertTrue(signature.recoveryId() >= 0 && signature.recoveryId() <= 3);
    assertTrue(suite.verify(pair.publicKey(), digest, signature));
    assertEquals(pair.publicKey(), suite.recoverSigner(digest, signature));
    assertEquals(
        pair.publicKey(),
        suite.recoverAllowingHighS(digest, signature.r(), signature.s(), signature.recoveryId())
            .orElseThrow());
    assertEquals(signature, suite.decodeSignature(suite.encodeSignature(signature)));
    // RFC 6979: the same key and digest always give the same signature.
    assertEquals(signature, suite.sign(pair.privateKey(), digest));
  }

  @Property(tries = 200)
  void aFlippedDigestBitFails(
      @ForAll("privateKeys") byte[] privateKey,
      @ForAll @Size(32) byte[] digest,
      @ForAll @IntRange(max = 255) int bit) {
    KeyPair pair = suite.keyPairFromPrivateKey(privateKey);
    Signature signature = suite.sign(pair.privateKey(), digest);
    byte[] tampered = digest.clone();
    tampered[bit / 8] ^= (byte) (1 << (bit % 8));

    assertFalse(suite.verify(pair.publicKey(), tampered, signature));
    assertFalse(pair.publicKey().equals(recoverOrNull(tampered, signature)));
  }

  @Property(tries = 100)
  void negatedSIsValidOnlyWithoutTheLowSRule(
      @ForAll("privateKeys") byte[] privateKey, @ForAll @Size(32) byte[] digest) {
    KeyPair pair = suite.keyPairFromPrivateKey(privateKey);
    Signature signature = suite.sign(pair.privateKey(), digest);
    BigInteger highS = N.subtract(signature.s());
    int flippedId = signature.recoveryId() ^ 1;

    assertFalse(
        suite.verify(pair.publicKey(), digest, Signature.recoverable(signature.r(), highS, flippedId)));
    assertTrue(suite.verify(pair.publicKey(), digest, signature.r(), highS, false));
    assertEquals(
        pair.publicKey(),
        suite.recoverAllowingHighS(digest, signature.r(), highS, flippedId).orElseThrow());
  }

  @Property(tries = 1000)
  void decodingRandomBytesOnlyThrowsDecodingException(
      @ForAll @Size(max = 70) byte[] encoded, @ForAll boolean exactLength) {
    byte[] input = exactLength ? java.util.Arrays.copyOf(encoded, 65) : encoded;
    try {
      Signature signature = suite.decodeSignature(input);
      assertArrayEquals(input, suite.encodeSignature(signature));
    } catch (DecodingException e) {
      assertEquals("signature", e.field());
    }
  }

  @Property(tries = 300)
  void decodingRandomPublicKeysOnlyThrowsDecodingException(
      @ForAll @Size(max = 70) byte[] encoded, @ForAll @IntRange(min = 0, max = 2) int shape) {
    byte[] input = encoded;
    if (shape == 1) {
      input = java.util.Arrays.copyOf(encoded, 33);
      input[0] = (byte) (2 + (encoded.length & 1));
    } else if (shape == 2) {
      input = java.util.Arrays.copyOf(encoded, 64);
    }
    try {
      suite.publicKeyFromBytes(input);
    } catch (DecodingException e) {
      assertEquals("publicKey", e.field());
    }
  }

  @Property(tries = 200)
  void encryptionRoundTrips(
      @ForAll @Size(32) byte[] key,
      @ForAll @Size(12) byte[] nonce,
      @ForAll @Size(max = 300) byte[] plaintext,
      @ForAll @Size(max = 40) byte[] associatedData) {
    byte[] sealed = suite.encrypt(key, nonce, plaintext, associatedData);
    assertEquals(plaintext.length + CryptoSuite.TAG_LENGTH, sealed.length);
    assertArrayEquals(plaintext, suite.decrypt(key, nonce, sealed, associatedData));
  }

  @Property(tries = 200)
  void anyFlippedBitFailsAuthentication(
      @ForAll @Size(32) byte[] key,
      @ForAll @Size(12) byte[] nonce,
      @ForAll @Size(max = 100) byte[] plaintext,
      @ForAll @Size(min = 1, max = 40) byte[] associatedData,
      @ForAll boolean inAssociatedData,
      @ForAll @IntRange(min = 0, max = 100_000) int position) {
    byte[] sealed = suite.encrypt(key, nonce, plaintext, associatedData);
    byte[] target = inAssociatedData ? associatedData.clone() : sealed.clone();
    int bit = position % (target.length * 8);
    target[bit / 8] ^= (byte) (1 << (bit % 8));
    byte[] tamperedSealed = inAssociatedData ? sealed : target;
    byte[] tamperedData = inAssociatedData ? target : associatedData;

    assertThrows(
        AuthenticationFailedException.class,
        () -> suite.decrypt(key, nonce, tamperedSealed, tamperedData));
  }

  @Property(tries = 50)
  void decryptionRejectsTruncatedInputAndWrongKeyLengths(
      @ForAll @Size(max = 15) byte[] shortCiphertext, @ForAll @IntRange(max = 40) int keyLength) {
    Assume.that(keyLength != 32);
    byte[] nonce = new byte[12];
    DecodingException e =
        assertThrows(
            DecodingException.class, () -> suite.decrypt(new byte[32], nonce, shortCiphertext, null));
    assertEquals("ciphertext", e.field());
    assertThrows(
        IllegalArgumentException.class,
        () -> suite.encrypt(new byte[keyLength], nonce, new byte[1], null));
    assertThrows(
        IllegalArgumentException.class,
        () -> suite.decrypt(new byte[32], new byte[keyLength % 12], new byte[16], null));
  }

  private Object recoverOrNull(byte[] digest, Signature signature) {
    try {
      return suite.recoverSigner(digest, signature);
    } catch (org.xinlian.crypto.InvalidSignatureException e) {
      return null;
    }
  }

  private static byte[] scalar(BigInteger value) {
    byte[] out = new byte[32];
    byte[] magnitude = value.toByteArray();
    int length = Math.min(magnitude.length, 32);
    System.arraycopy(magnitude, magnitude.length - length, out, 32 - length, length);
    return out;
  }
}
