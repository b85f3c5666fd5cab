package org.xinlian.crypto.standard;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;
import org.xinlian.crypto.SignerIdentification;
import org.xinlian.crypto.internal.EcKeyEncoding;

/**
 * The Ethereum-compatible suite: secp256k1 ECDSA with recoverable low-S signatures, Keccak-256,
 * AES-256-GCM and HMAC-SHA256 (docs/adr/0001). Obtain it through {@link CryptoSuites#standard()};
 * it holds no mutable state and is safe to share between threads.
 */
public final class StandardSuite implements CryptoSuite {
  /** Compact signature form: {@code r || s || recoveryId}. */
  public static final int SIGNATURE_LENGTH = 65;

  private static final int COMPRESSED_KEY_LENGTH = 33;
  private static final int UNCOMPRESSED_KEY_LENGTH = 65;
  private static final byte UNCOMPRESSED_PREFIX = 0x04;
  private static final int SYMMETRIC_KEY_LENGTH = 32;
  private static final int TAG_BITS = TAG_LENGTH * Byte.SIZE;
  private static final String HMAC_ALGORITHM = "HmacSHA256";

  /** HMAC-SHA256's block size: an empty key is equivalent to this many zero bytes (RFC 2104). */
  private static final int HMAC_BLOCK_LENGTH = 64;

  private final EcKeyEncoding keyEncoding =
      new EcKeyEncoding(CryptoSuites.STANDARD, "secp256k1", "SHA256withECDSA");

  /** Verification and recovery: libsecp256k1 or BouncyCastle, same answers (docs/adr/0007). */
  private final Secp256k1Backend backend;

  /**
   * The suite with the secp256k1 backend chosen by the {@code xinlian.secp256k1} system property
   * ({@code auto}, {@code native} or {@code bouncycastle}; auto when absent).
   *
   * @throws IllegalArgumentException if the property names no backend
   * @throws IllegalStateException if it says {@code native} and libsecp256k1 cannot load
   */
  public StandardSuite() {
    this(Secp256k1Backends.fromSystemProperty());
  }

  StandardSuite(Secp256k1Backend backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** Which backend verifies and recovers: {@code native} or {@code bouncycastle}. */
  String secp256k1Backend() {
    return backend.name();
  }

  @Override
  public String name() {
    return CryptoSuites.STANDARD;
  }

  @Override
  public byte[] hash(byte[] data) {
    return Keccak256.hash(data);
  }

  @Override
  public byte[] hash(byte[] data, int offset, int length) {
    return Keccak256.hash(data, offset, length);
  }

  @Override
  public KeyPair generateKeyPair(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    while (true) {
      BigInteger scalar = new BigInteger(Secp256k1.SCALAR_LENGTH * Byte.SIZE, random);
      if (Secp256k1.isValidScalar(scalar)) {
        return keyPair(scalar);
      }
    }
  }

  @Override
  public KeyPair keyPairFromPrivateKey(byte[] privateKey) {
    if (privateKey == null || privateKey.length != Secp256k1.SCALAR_LENGTH) {
      throw new DecodingException(
          "privateKey",
          "expected " + Secp256k1.SCALAR_LENGTH + " bytes but got "
              + (privateKey == null ? "none" : privateKey.length));
    }
    BigInteger scalar = new BigInteger(1, privateKey);
    if (!Secp256k1.isValidScalar(scalar)) {
      throw new DecodingException("privateKey", "must be in [1, n - 1] for secp256k1");
    }
    return keyPair(scalar);
  }

  private KeyPair keyPair(BigInteger scalar) {
    byte[] scalarBytes = BigIntegers.asUnsignedByteArray(Secp256k1.SCALAR_LENGTH, scalar);
    byte[] point = Secp256k1.rawBytes(Secp256k1.multiplyGenerator(scalar));
    return new KeyPair(new PrivateKey(name(), scalarBytes), new PublicKey(name(), point));
  }

  @Override
  public PublicKey publicKeyFromBytes(byte[] encoded) {
    if (encoded == null) {
      throw new DecodingException("publicKey", "missing value");
    }
    try {
      ECPoint point;
      if (encoded.length == PUBLIC_KEY_LENGTH) {
        point = Secp256k1.pointFromCoordinates(encoded, 0);
      } else if (encoded.length == UNCOMPRESSED_KEY_LENGTH && encoded[0] == UNCOMPRESSED_PREFIX) {
        point = Secp256k1.pointFromCoordinates(encoded, 1);
      } else if (encoded.length == COMPRESSED_KEY_LENGTH
          && (encoded[0] == 0x02 || encoded[0] == 0x03)) {
        point = Secp256k1.CURVE.decodePoint(encoded);
      } else {
        throw new DecodingException(
            "publicKey",
            "expected 64 raw bytes, 65 bytes starting with 04 or 33 bytes starting with 02/03, got "
                + encoded.length + " bytes");
      }
      return new PublicKey(name(), Secp256k1.rawBytes(point));
    } catch (DecodingException e) {
      throw e;
    } catch (RuntimeException e) {
      // BouncyCastle reports coordinates >= p and points off the curve this way.
      throw new DecodingException("publicKey", "not a point on secp256k1", e);
    }
  }

  @Override
  public Signature sign(PrivateKey key, byte[] digest) {
    requireSuite("privateKey", key.suite());
    requireDigest(digest);
    BigInteger scalar = new BigInteger(1, key.bytes());
    if (!Secp256k1.isValidScalar(scalar)) {
      throw new IllegalArgumentException("privateKey: not a valid secp256k1 scalar");
    }
    Secp256k1.RecoverableSignature signature = Secp256k1.sign(scalar, digest);
    return Signature.recoverable(signature.r(), signature.s(), signature.recoveryId());
  }

  @Override
  public boolean verify(PublicKey key, byte[] digest, Signature signature) {
    return verify(key, digest, signature.r(), signature.s(), true);
  }

  /**
   * ECDSA verification with a choice about malleable signatures: Ethereum transactions need low S;
   * plain X9.62 ECDSA (certificates, Wycheproof's generic vectors) accepts both s and n - s.
   */
  boolean verify(PublicKey key, byte[] digest, BigInteger r, BigInteger s, boolean requireLowS) {
    requireSuite("publicKey", key.suite());
    requireDigest(digest);
    if (!Secp256k1.isValidScalar(r)
        || !Secp256k1.isValidScalar(s)
        || (requireLowS && s.compareTo(Secp256k1.HALF_N) > 0)) {
      return false;
    }
    return backend.verify(key.bytes(), digest, r, s);
  }

  @Override
  public SignerIdentification signerIdentification() {
    return SignerIdentification.RECOVERED_FROM_SIGNATURE;
  }

  /** Requires low S (EIP-2), like Ethereum's transaction validation. */
  @Override
  public PublicKey recoverSigner(byte[] digest, Signature signature) {
    requireDigest(digest);
    if (signature.recoveryId() == Signature.NO_RECOVERY_ID) {
      throw new InvalidSignatureException("signature: carries no recovery id");
    }
    if (signature.s().compareTo(Secp256k1.HALF_N) > 0) {
      throw new InvalidSignatureException("signature: s is above n/2 (not canonical low-S)");
    }
    byte[] point = recover(digest, signature.r(), signature.s(), signature.recoveryId());
    if (point == null) {
      throw new InvalidSignatureException("signature: no public key recovers from it");
    }
    return new PublicKey(name(), point);
  }

  /**
   * Recovery as the EVM's ecrecover precompile does it: high s is accepted (Ethereum only made low
   * S mandatory for transactions). Empty when r or s is not in [1, n - 1], the recovery id is not
   * 0..3, or no key recovers.
   */
  public Optional<PublicKey> recoverAllowingHighS(
      byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    requireDigest(digest);
    if (r == null || s == null) {
      return Optional.empty();
    }
    byte[] point = recover(digest, r, s, recoveryId);
    return point == null ? Optional.empty() : Optional.of(new PublicKey(name(), point));
  }

  /** The range checks both backends rely on, then the backend's SEC 1 recovery. */
  private byte[] recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    if (!Secp256k1.isValidScalar(r)
        || !Secp256k1.isValidScalar(s)
        || recoveryId < 0
        || recoveryId > 3) {
      return null;
    }
    return backend.recover(digest, r, s, recoveryId);
  }

  @Override
  public Address address(PublicKey key) {
    requireSuite("publicKey", key.suite());
    byte[] hash = Keccak256.hash(key.bytes());
    return Address.wrap(Arrays.copyOfRange(hash, hash.length - Address.LENGTH, hash.length));
  }

  @Override
  public byte[] encodeSignature(Signature signature) {
    if (signature.recoveryId() == Signature.NO_RECOVERY_ID) {
      throw new IllegalArgumentException("signature: a standard signature needs a recovery id");
    }
    byte[] out = new byte[SIGNATURE_LENGTH];
    BigIntegers.asUnsignedByteArray(signature.r(), out, 0, Secp256k1.SCALAR_LENGTH);
    BigIntegers.asUnsignedByteArray(
        signature.s(), out, Secp256k1.SCALAR_LENGTH, Secp256k1.SCALAR_LENGTH);
    out[SIGNATURE_LENGTH - 1] = (byte) signature.recoveryId();
    return out;
  }

  @Override
  public Signature decodeSignature(byte[] encoded) {
    if (encoded == null || encoded.length != SIGNATURE_LENGTH) {
      throw new DecodingException(
          "signature",
          "expected " + SIGNATURE_LENGTH + " bytes (r || s || recoveryId) but got "
              + (encoded == null ? "none" : encoded.length));
    }
    BigInteger r = new BigInteger(1, encoded, 0, Secp256k1.SCALAR_LENGTH);
    BigInteger s = new BigInteger(1, encoded, Secp256k1.SCALAR_LENGTH, Secp256k1.SCALAR_LENGTH);
    int recoveryId = encoded[SIGNATURE_LENGTH - 1] & 0xff;
    if (!Secp256k1.isValidScalar(r)) {
      throw new DecodingException("signature", "r must be in [1, n - 1]");
    }
    if (!Secp256k1.isValidScalar(s)) {
      throw new DecodingException("signature", "s must be in [1, n - 1]");
    }
    if (recoveryId > 3) {
      throw new DecodingException("signature", "recovery id must be 0..3, got " + recoveryId);
    }
    return Signature.recoverable(r, s, recoveryId);
  }

  @Override
  public int symmetricKeyLength() {
    return SYMMETRIC_KEY_LENGTH;
  }

  @Override
  public byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
    requireSymmetricParameters(key, nonce);
    if (plaintext == null) {
      throw new IllegalArgumentException("plaintext: missing value");
    }
    return AesGcm.encrypt(key, nonce, TAG_BITS, plaintext, associatedData);
  }

  @Override
  public byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextWithTag, byte[] associatedData) {
    requireSymmetricParameters(key, nonce);
    return AesGcm.decrypt(key, nonce, TAG_BITS, ciphertextWithTag, associatedData);
  }

  private static void requireSymmetricParameters(byte[] key, byte[] nonce) {
    if (key == null || key.length != SYMMETRIC_KEY_LENGTH) {
      throw new IllegalArgumentException("key: AES-256-GCM needs " + SYMMETRIC_KEY_LENGTH + " bytes");
    }
    if (nonce == null || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce: must be " + NONCE_LENGTH + " bytes");
    }
  }

  @Override
  public byte[] hmac(byte[] key, byte[] data) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
    try {
      Mac mac = Mac.getInstance(HMAC_ALGORITHM);
      // SecretKeySpec refuses an empty key, which HMAC allows; zero padding makes them equal.
      byte[] effectiveKey = key.length == 0 ? new byte[HMAC_BLOCK_LENGTH] : key;
      mac.init(new SecretKeySpec(effectiveKey, HMAC_ALGORITHM));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable in this JDK: " + e.getMessage(), e);
    }
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

  private void requireSuite(String field, String suite) {
    if (!name().equals(suite)) {
      throw new IllegalArgumentException(field + ": belongs to suite '" + suite + "', not 'standard'");
    }
  }

  private static void requireDigest(byte[] digest) {
    if (digest == null || digest.length != HASH_LENGTH) {
      throw new IllegalArgumentException("digest: must be " + HASH_LENGTH + " bytes");
    }
  }

  @Override
  public String toString() {
    return "CryptoSuite[standard]";
  }
}
