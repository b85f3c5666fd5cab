package org.xinlian.crypto.gm;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;
import org.xinlian.crypto.SignerIdentification;
import org.xinlian.crypto.internal.EcCurve;
import org.xinlian.crypto.internal.EcKeyEncoding;
import org.xinlian.crypto.internal.Sm2;

/**
 * The Chinese national algorithms suite: SM2 on sm2p256v1 (GB/T 32918), SM3 (GB/T 32905), SM4-GCM
 * (GB/T 32907 in GCM) and HMAC-SM3, as regulated consortium deployments require (docs/spec/crypto.md).
 *
 * <p>SM2 signatures sign the caller's 32-byte digest as the SM2 message with the default identity
 * {@code 1234567812345678} (ADR 0001) and carry the signer's public key, because SM2 has no key
 * recovery (ADR 0002). Signing is deterministic: the nonce comes from HMAC-SM3 over the private key
 * and {@code e}, see {@link Sm2}. Instances hold only immutable values and are thread-safe.
 */
public final class GmSuite implements CryptoSuite {
  /** Compact signature: r, s, x, y of 32 bytes each. */
  public static final int SIGNATURE_LENGTH = 4 * HASH_LENGTH;

  private static final int ADDRESS_OFFSET = HASH_LENGTH - Address.LENGTH;

  private final Sm2 sm2 = new Sm2();
  private final EcCurve curve = sm2.curve();
  private final EcKeyEncoding keyEncoding =
      new EcKeyEncoding(CryptoSuites.GM, EcCurve.SM2P256V1, "SM3withSM2");

  @Override
  public String name() {
    return CryptoSuites.GM;
  }

  @Override
  public byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  @Override
  public byte[] hash(byte[] data, int offset, int length) {
    SM3Digest digest = new SM3Digest();
    digest.update(data, offset, length);
    byte[] out = new byte[HASH_LENGTH];
    digest.doFinal(out, 0);
    return out;
  }

  @Override
  public KeyPair generateKeyPair(SecureRandom random) {
    BigInteger max = curve.privateScalarMax();
    // Rejection sampling keeps the scalar uniform in [1, n-2].
    BigInteger scalar;
    do {
      scalar = BigIntegers.createRandomBigInteger(max.bitLength(), random);
    } while (scalar.signum() == 0 || scalar.compareTo(max) > 0);
    return keyPair(scalar);
  }

  @Override
  public KeyPair keyPairFromPrivateKey(byte[] privateKey) {
    return keyPair(curve.privateScalar("privateKey", privateKey));
  }

  @Override
  public PublicKey publicKeyFromBytes(byte[] encoded) {
    return new PublicKey(name(), curve.rawPublicKey(curve.decodePoint("publicKey", encoded)));
  }

  @Override
  public Signature sign(PrivateKey key, byte[] digest) {
    requireGm("privateKey", key.suite());
    requireDigest(digest);
    BigInteger scalar = curve.privateScalar("privateKey", key.bytes());
    ECPoint point = curve.publicPoint(scalar);
    BigInteger[] rs = sm2.sign(scalar, point, Sm2.defaultUserId(), digest);
    PublicKey signer = new PublicKey(name(), curve.rawPublicKey(point));
    return Signature.withSignerKey(rs[0], rs[1], signer);
  }

  /**
   * True when {@code signature} is a valid SM2 signature by {@code key} over {@code digest}. A
   * signature that embeds a different key than {@code key} is rejected: it names another signer.
   */
  @Override
  public boolean verify(PublicKey key, byte[] digest, Signature signature) {
    requireGm("publicKey", key.suite());
    requireDigest(digest);
    if (signature.signerKey() != null && !signature.signerKey().equals(key)) {
      return false;
    }
    ECPoint point;
    try {
      point = curve.point("publicKey", key);
    } catch (DecodingException e) {
      return false;
    }
    return sm2.verify(point, Sm2.defaultUserId(), digest, signature.r(), signature.s());
  }

  @Override
  public SignerIdentification signerIdentification() {
    return SignerIdentification.EMBEDDED_PUBLIC_KEY;
  }

  @Override
  public PublicKey recoverSigner(byte[] digest, Signature signature) {
    PublicKey key =
        signature
            .embeddedSignerKey()
            .orElseThrow(
                () -> new InvalidSignatureException("signature: gm signatures must embed the signer key"));
    if (!name().equals(key.suite()) || !verify(key, digest, signature)) {
      throw new InvalidSignatureException("signature: does not verify against its embedded key");
    }
    return key;
  }

  @Override
  public Address address(PublicKey key) {
    requireGm("publicKey", key.suite());
    byte[] hash = hash(key.bytes());
    return Address.wrap(Arrays.copyOfRange(hash, ADDRESS_OFFSET, HASH_LENGTH));
  }

  @Override
  public byte[] encodeSignature(Signature signature) {
    PublicKey key =
        signature
            .embeddedSignerKey()
            .orElseThrow(
                () -> new IllegalArgumentException("signature: a gm signature embeds the signer key"));
    requireGm("signature.signerKey", key.suite());
    byte[] out = new byte[SIGNATURE_LENGTH];
    BigIntegers.asUnsignedByteArray(signature.r(), out, 0, HASH_LENGTH);
    BigIntegers.asUnsignedByteArray(signature.s(), out, HASH_LENGTH, HASH_LENGTH);
    System.arraycopy(key.bytes(), 0, out, 2 * HASH_LENGTH, PUBLIC_KEY_LENGTH);
    return out;
  }

  @Override
  public Signature decodeSignature(byte[] encoded) {
    String field = "signature";
    if (encoded == null || encoded.length != SIGNATURE_LENGTH) {
      throw new DecodingException(
          field,
          "expected " + SIGNATURE_LENGTH + " bytes (r || s || x || y) but got "
              + (encoded == null ? "none" : encoded.length));
    }
    BigInteger r = scalarInRange(field + ".r", encoded, 0);
    BigInteger s = scalarInRange(field + ".s", encoded, HASH_LENGTH);
    byte[] raw = Arrays.copyOfRange(encoded, 2 * HASH_LENGTH, SIGNATURE_LENGTH);
    ECPoint point = curve.decodePoint(field + ".publicKey", raw);
    return Signature.withSignerKey(r, s, new PublicKey(name(), curve.rawPublicKey(point)));
  }

  @Override
  public int symmetricKeyLength() {
    return Sm4Gcm.KEY_LENGTH;
  }

  @Override
  public byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
    requireNonce(nonce);
    return Sm4Gcm.encrypt(key, nonce, TAG_LENGTH, plaintext, orEmpty(associatedData));
  }

  @Override
  public byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextWithTag, byte[] associatedData) {
    requireNonce(nonce);
    return Sm4Gcm.decrypt(key, nonce, TAG_LENGTH, ciphertextWithTag, orEmpty(associatedData));
  }

  @Override
  public byte[] hmac(byte[] key, byte[] data) {
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  @Override
  public String privateKeyToPem(PrivateKey key) {
    return keyEncoding.privateKeyToPem(key);
  }

  @Override
  public PrivateKey privateKeyFromPem(String pem) {
    return keyEncoding.privateKeyFromPem(pem);
  }

  @Override
  public String publicKeyToPem(PublicKey key) {
    return keyEncoding.publicKeyToPem(key);
  }

  @Override
  public PublicKey publicKeyFromPem(String pem) {
    return keyEncoding.publicKeyFromPem(pem);
  }

  @Override
  public X509Certificate issueCertificate(CertificateRequest request) {
    return keyEncoding.issueCertificate(request);
  }

  @Override
  public String certificateToPem(X509Certificate certificate) {
    return keyEncoding.certificateToPem(certificate);
  }

  @Override
  public X509Certificate certificateFromPem(String pem) {
    return keyEncoding.certificateFromPem(pem);
  }

  @Override
  public PublicKey certificatePublicKey(X509Certificate certificate) {
    return keyEncoding.certificatePublicKey(certificate);
  }

  @Override
  public boolean verifyCertificateSignature(X509Certificate certificate, PublicKey issuerKey) {
    return keyEncoding.verifyCertificateSignature(certificate, issuerKey);
  }

  @Override
  public java.security.cert.X509CRL issueRevocationList(
      org.xinlian.crypto.RevocationListRequest request, org.xinlian.crypto.KeyPair issuerKeyPair) {
    return keyEncoding.issueRevocationList(request, issuerKeyPair);
  }

  @Override
  public boolean verifyRevocationListSignature(java.security.cert.X509CRL crl, PublicKey issuerKey) {
    return keyEncoding.verifyRevocationListSignature(crl, issuerKey);
  }

  @Override
  public String revocationListToPem(java.security.cert.X509CRL crl) {
    return org.xinlian.crypto.internal.RevocationLists.toPem(crl);
  }

  @Override
  public java.security.cert.X509CRL revocationListFromPem(String pem) {
    return org.xinlian.crypto.internal.RevocationLists.fromPem(pem);
  }

  @Override
  public String toString() {
    return "CryptoSuite[gm: SM2/sm2p256v1, SM3, SM4-GCM, HMAC-SM3]";
  }

  private KeyPair keyPair(BigInteger scalar) {
    PublicKey publicKey = new PublicKey(name(), curve.rawPublicKey(curve.publicPoint(scalar)));
    return new KeyPair(new PrivateKey(name(), EcCurve.scalarBytes(scalar)), publicKey);
  }

  private BigInteger scalarInRange(String field, byte[] encoded, int offset) {
    BigInteger value = new BigInteger(1, Arrays.copyOfRange(encoded, offset, offset + HASH_LENGTH));
    if (value.signum() == 0 || value.compareTo(curve.order()) >= 0) {
      throw new DecodingException(field, "must be in [1, n-1] of sm2p256v1");
    }
    return value;
  }

  private void requireGm(String field, String suite) {
    if (!name().equals(suite)) {
      throw new IllegalArgumentException(field + ": a key of suite '" + suite + "' given to the gm suite");
    }
  }

  private static void requireDigest(byte[] digest) {
    if (digest == null || digest.length != HASH_LENGTH) {
      throw new IllegalArgumentException(
          "digest: must be 32 bytes, got " + (digest == null ? "none" : digest.length));
    }
  }

  private static void requireNonce(byte[] nonce) {
    if (nonce == null || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "nonce: must be 12 bytes, got " + (nonce == null ? "none" : nonce.length));
    }
  }

  private static byte[] orEmpty(byte[] associatedData) {
    return associatedData == null ? new byte[0] : associatedData;
  }
}
