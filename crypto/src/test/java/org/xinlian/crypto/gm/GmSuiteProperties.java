package org.xinlian.crypto.gm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.util.BigIntegers;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;

/** Properties of the gm suite over generated keys and data; numbers refer to docs/spec/crypto.md. */
class GmSuiteProperties {
  private static final BigInteger N = GMNamedCurves.getByName("sm2p256v1").getN();
  private final GmSuite suite = new GmSuite();

  @Provide
  Arbitrary<BigInteger> privateScalars() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, N.subtract(BigInteger.TWO));
  }

  @Property(tries = 200)
  @Label("CRYPTO-12: sign then verify holds for every key and digest")
  void signThenVerify(@ForAll("privateScalars") BigInteger d, @ForAll @Size(32) byte[] digest) {
    KeyPair pair = pair(d);
    assertTrue(suite.verify(pair.publicKey(), digest, suite.sign(pair.privateKey(), digest)));
  }

  @Property(tries = 200)
  @Label("CRYPTO-13: recoverSigner returns the signing key")
  void recoverReturnsSigner(@ForAll("privateScalars") BigInteger d, @ForAll @Size(32) byte[] digest) {
    KeyPair pair = pair(d);
    Signature signature = suite.decodeSignature(suite.encodeSignature(suite.sign(pair.privateKey(), digest)));
    assertEquals(pair.publicKey(), suite.recoverSigner(digest, signature));
  }

  @Property(tries = 200)
  @Label("CRYPTO-12: flipping one digest bit breaks verification")
  void flippedDigestBitFails(@ForAll("privateScalars") BigInteger d, @ForAll @Size(32) byte[] digest,
      @ForAll @IntRange(min = 0, max = 255) int bit) {
    KeyPair pair = pair(d);
    Signature signature = suite.sign(pair.privateKey(), digest);
    byte[] flipped = digest.clone();
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
    assertFalse(suite.verify(pair.publicKey(), flipped, signature));
  }

  @Property
  @Label("CRYPTO-14: decodeSignature on arbitrary bytes only throws DecodingException")
  void decodeArbitraryBytes(@ForAll @Size(max = 200) byte[] bytes) {
    decodeOrReject(bytes);
  }

  @Property
  @Label("CRYPTO-14: decodeSignature on arbitrary 128-byte inputs only throws DecodingException")
  void decodeArbitrarySignatureSizedBytes(@ForAll @Size(128) byte[] bytes) {
    decodeOrReject(bytes);
  }

  @Property
  @Label("CRYPTO-10: SM4-GCM decrypts what it encrypts")
  void sm4GcmRoundTrip(@ForAll @Size(16) byte[] key, @ForAll @Size(12) byte[] nonce,
      @ForAll @Size(max = 300) byte[] plaintext, @ForAll @Size(max = 40) byte[] aad) {
    byte[] sealed = suite.encrypt(key, nonce, plaintext, aad);
    assertEquals(plaintext.length + 16, sealed.length);
    assertArrayEquals(plaintext, suite.decrypt(key, nonce, sealed, aad));
  }

  @Property
  @Label("CRYPTO-10: SM4-GCM detects any flipped bit of ciphertext or tag")
  void sm4GcmTamper(@ForAll @Size(16) byte[] key, @ForAll @Size(12) byte[] nonce,
      @ForAll @Size(max = 100) byte[] plaintext, @ForAll @Size(max = 20) byte[] aad,
      @ForAll @IntRange(min = 0) int position) {
    byte[] sealed = suite.encrypt(key, nonce, plaintext, aad);
    int bit = position % (sealed.length * 8);
    sealed[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThrows(AuthenticationFailedException.class, () -> suite.decrypt(key, nonce, sealed, aad));
  }

  private void decodeOrReject(byte[] bytes) {
    try {
      Signature signature = suite.decodeSignature(bytes);
      assertArrayEquals(bytes, suite.encodeSignature(signature));
    } catch (DecodingException expected) {
      assertTrue(expected.field().startsWith("signature"), expected.field());
    }
  }

  private KeyPair pair(BigInteger d) {
    return suite.keyPairFromPrivateKey(BigIntegers.asUnsignedByteArray(32, d));
  }
}
