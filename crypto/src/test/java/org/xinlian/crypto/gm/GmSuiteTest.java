package org.xinlian.crypto.gm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;
import org.xinlian.crypto.SignerIdentification;

/** Behaviour of the gm suite at its edges; numbers refer to docs/spec/crypto.md. */
class GmSuiteTest {
  private static final X9ECParameters SM2 = GMNamedCurves.getByName("sm2p256v1");
  private static final BigInteger N = SM2.getN();

  private final CryptoSuite suite = CryptoSuites.gm();
  private final KeyPair pair = suite.keyPairFromPrivateKey(scalar(BigInteger.valueOf(0x5eed)));
  private final byte[] digest = suite.hash("payload".getBytes(StandardCharsets.US_ASCII));

  @Test
  @DisplayName("CRYPTO-1, CRYPTO-13: the gm suite is found by name and embeds signer keys")
  void lookup() {
    assertEquals("gm", suite.name());
    assertEquals("gm", CryptoSuites.byName("gm").name());
    assertEquals(SignerIdentification.EMBEDDED_PUBLIC_KEY, suite.signerIdentification());
  }

  @Test
  @DisplayName("CRYPTO-11: hash of a slice equals hash of the copied slice")
  void hashSlice() {
    byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(suite.hash(Arrays.copyOfRange(data, 2, 7)), suite.hash(data, 2, 5));
  }

  @Test
  @DisplayName("CRYPTO-6: private keys must lie in [1, n-2]")
  void privateKeyRange() {
    assertEquals("privateKey", assertThrows(DecodingException.class,
        () -> suite.keyPairFromPrivateKey(new byte[32])).field());
    assertEquals("privateKey", assertThrows(DecodingException.class,
        () -> suite.keyPairFromPrivateKey(scalar(N.subtract(BigInteger.ONE)))).field());
    assertEquals("privateKey", assertThrows(DecodingException.class,
        () -> suite.keyPairFromPrivateKey(scalar(N))).field());
    assertEquals("privateKey", assertThrows(DecodingException.class,
        () -> suite.keyPairFromPrivateKey(new byte[31])).field());
    suite.keyPairFromPrivateKey(scalar(BigInteger.ONE));
    suite.keyPairFromPrivateKey(scalar(N.subtract(BigInteger.TWO)));
  }

  @Test
  @DisplayName("CRYPTO-6: a generated key pair is consistent and uses the given SecureRandom")
  void generate() {
    KeyPair generated = suite.generateKeyPair(new SecureRandom());
    assertEquals(generated, suite.keyPairFromPrivateKey(generated.privateKey().bytes()));
  }

  @Test
  @DisplayName("CRYPTO-5: public keys decode from the raw, 04-prefixed and compressed forms")
  void publicKeyForms() {
    ECPoint point = SM2.getCurve().decodePoint(prefixed(pair.publicKey().bytes()));
    assertEquals(pair.publicKey(), suite.publicKeyFromBytes(pair.publicKey().bytes()));
    assertEquals(pair.publicKey(), suite.publicKeyFromBytes(point.getEncoded(false)));
    assertEquals(pair.publicKey(), suite.publicKeyFromBytes(point.getEncoded(true)));
  }

  @Test
  @DisplayName("CRYPTO-5: off-curve points, wrong lengths and prefixes are rejected naming publicKey")
  void publicKeyRejects() {
    byte[] offCurve = pair.publicKey().bytes();
    offCurve[63] ^= 1;
    for (byte[] bad : new byte[][] {offCurve, new byte[64], new byte[63], new byte[0],
        new byte[65], compressedWithPrefix((byte) 0x05)}) {
      assertEquals("publicKey",
          assertThrows(DecodingException.class, () -> suite.publicKeyFromBytes(bad)).field());
    }
    byte[] xTooLarge = new byte[64];
    Arrays.fill(xTooLarge, (byte) 0xff);
    assertThrows(DecodingException.class, () -> suite.publicKeyFromBytes(xTooLarge));
  }

  @Test
  @DisplayName("CRYPTO-4: the address is the last 20 bytes of SM3 of the 64-byte key")
  void address() {
    byte[] hash = suite.hash(pair.publicKey().bytes());
    assertArrayEquals(Arrays.copyOfRange(hash, 12, 32), suite.address(pair.publicKey()).toArray());
  }

  @Test
  @DisplayName("CRYPTO-12: signing is deterministic, embeds the key and verifies with BouncyCastle's SM2Signer")
  void signatureShape() throws Exception {
    Signature first = suite.sign(pair.privateKey(), digest);
    assertEquals(first, suite.sign(pair.privateKey(), digest));
    assertEquals(pair.publicKey(), first.signerKey());
    assertEquals(Signature.NO_RECOVERY_ID, first.recoveryId());
    byte[] otherDigest = digest.clone();
    otherDigest[0] ^= 1;
    assertNotEquals(first.r(), suite.sign(pair.privateKey(), otherDigest).r());
    // Independent check: BouncyCastle's SM2Signer with the default ID over the digest as message.
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE);
    ECPoint point = SM2.getCurve().decodePoint(prefixed(pair.publicKey().bytes()));
    verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(point,
        new ECDomainParameters(SM2)), "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
    verifier.update(digest, 0, digest.length);
    byte[] rs = new byte[64];
    BigIntegers.asUnsignedByteArray(first.r(), rs, 0, 32);
    BigIntegers.asUnsignedByteArray(first.s(), rs, 32, 32);
    assertTrue(verifier.verifySignature(rs));
  }

  @Test
  @DisplayName("CRYPTO-12, CRYPTO-13: a signature verifies only for its key, digest and embedded key")
  void verifyRejects() {
    Signature signature = suite.sign(pair.privateKey(), digest);
    KeyPair other = suite.keyPairFromPrivateKey(scalar(BigInteger.valueOf(7)));
    assertTrue(suite.verify(pair.publicKey(), digest, signature));
    assertFalse(suite.verify(other.publicKey(), digest, signature));
    Signature claimingOther = Signature.withSignerKey(signature.r(), signature.s(), other.publicKey());
    assertFalse(suite.verify(pair.publicKey(), digest, claimingOther));
    Signature outOfRange = Signature.withSignerKey(N, signature.s(), pair.publicKey());
    assertFalse(suite.verify(pair.publicKey(), digest, outOfRange));
    assertThrows(IllegalArgumentException.class, () -> suite.verify(pair.publicKey(), new byte[31], signature));
  }

  @Test
  @DisplayName("CRYPTO-13: recoverSigner returns the embedded key only when the signature verifies")
  void recoverSigner() {
    Signature signature = suite.sign(pair.privateKey(), digest);
    assertEquals(pair.publicKey(), suite.recoverSigner(digest, signature));
    KeyPair other = suite.keyPairFromPrivateKey(scalar(BigInteger.valueOf(7)));
    assertThrows(InvalidSignatureException.class, () -> suite.recoverSigner(digest,
        Signature.withSignerKey(signature.r(), signature.s(), other.publicKey())));
    assertThrows(InvalidSignatureException.class, () -> suite.recoverSigner(digest,
        Signature.recoverable(signature.r(), signature.s(), 0)));
  }

  @Test
  @DisplayName("CRYPTO-14: the compact signature is r || s || x || y and decodes back")
  void signatureEncoding() {
    Signature signature = suite.sign(pair.privateKey(), digest);
    byte[] encoded = suite.encodeSignature(signature);
    assertEquals(128, encoded.length);
    assertArrayEquals(BigIntegers.asUnsignedByteArray(32, signature.r()), Arrays.copyOfRange(encoded, 0, 32));
    assertArrayEquals(BigIntegers.asUnsignedByteArray(32, signature.s()), Arrays.copyOfRange(encoded, 32, 64));
    assertArrayEquals(pair.publicKey().bytes(), Arrays.copyOfRange(encoded, 64, 128));
    assertEquals(signature, suite.decodeSignature(encoded));
    assertThrows(IllegalArgumentException.class,
        () -> suite.encodeSignature(Signature.recoverable(signature.r(), signature.s(), 1)));
  }

  @Test
  @DisplayName("CRYPTO-14: decodeSignature rejects lengths, scalars outside [1, n-1] and off-curve keys")
  void signatureDecodingRejects() {
    byte[] good = suite.encodeSignature(suite.sign(pair.privateKey(), digest));
    assertRejected(new byte[127]);
    assertRejected(new byte[129]);
    assertRejected(null);
    assertRejected(with(good, 0, new byte[32]));
    assertRejected(with(good, 0, BigIntegers.asUnsignedByteArray(32, N)));
    assertRejected(with(good, 32, new byte[32]));
    assertRejected(with(good, 32, BigIntegers.asUnsignedByteArray(32, N)));
    byte[] offCurve = good.clone();
    offCurve[127] ^= 1;
    assertRejected(offCurve);
    suite.decodeSignature(with(good, 0, BigIntegers.asUnsignedByteArray(32, N.subtract(BigInteger.ONE))));
    suite.decodeSignature(with(good, 32, BigIntegers.asUnsignedByteArray(32, N.subtract(BigInteger.ONE))));
  }

  @Test
  @DisplayName("CRYPTO-10, CRYPTO-15: SM4-GCM rejects bad key and nonce lengths, tampering and short input")
  void sm4Gcm() {
    byte[] key = new byte[16];
    byte[] nonce = new byte[12];
    byte[] sealed = suite.encrypt(key, nonce, "hello".getBytes(StandardCharsets.US_ASCII), null);
    assertEquals(5 + 16, sealed.length);
    assertEquals(16, suite.symmetricKeyLength());
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), suite.decrypt(key, nonce, sealed, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> suite.encrypt(new byte[32], nonce, new byte[1], null));
    assertThrows(IllegalArgumentException.class, () -> suite.encrypt(key, new byte[16], new byte[1], null));
    assertThrows(AuthenticationFailedException.class,
        () -> suite.decrypt(key, nonce, sealed, new byte[] {1}));
    assertThrows(AuthenticationFailedException.class, () -> suite.decrypt(key, nonce, new byte[15], null));
  }

  @Test
  @DisplayName("CRYPTO-2: keys of the standard suite are refused")
  void foreignKeys() {
    PrivateKey foreign = new PrivateKey("standard", scalar(BigInteger.TEN));
    assertThrows(IllegalArgumentException.class, () -> suite.sign(foreign, digest));
    assertThrows(IllegalArgumentException.class,
        () -> suite.address(new PublicKey("standard", pair.publicKey().bytes())));
  }

  @Test
  @DisplayName("CRYPTO-8: PEM key and certificate methods round-trip through the gm encoder")
  void pem() {
    assertEquals(pair.privateKey(), suite.privateKeyFromPem(suite.privateKeyToPem(pair.privateKey())));
    assertEquals(pair.publicKey(), suite.publicKeyFromPem(suite.publicKeyToPem(pair.publicKey())));
    assertTrue(suite.privateKeyToPem(pair.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
  }

  private void assertRejected(byte[] encoded) {
    DecodingException e = assertThrows(DecodingException.class, () -> suite.decodeSignature(encoded));
    assertTrue(e.field().startsWith("signature"), e.field());
  }

  private static byte[] with(byte[] base, int offset, byte[] part) {
    byte[] out = base.clone();
    System.arraycopy(part, 0, out, offset, part.length);
    return out;
  }

  private byte[] compressedWithPrefix(byte prefix) {
    byte[] out = new byte[33];
    out[0] = prefix;
    System.arraycopy(pair.publicKey().bytes(), 0, out, 1, 32);
    return out;
  }

  private static byte[] prefixed(byte[] raw) {
    byte[] out = new byte[65];
    out[0] = 0x04;
    System.arraycopy(raw, 0, out, 1, 64);
    return out;
  }

  private static byte[] scalar(BigInteger value) {
    return BigIntegers.asUnsignedByteArray(32, value);
  }
}
