package org.xinlian.crypto.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 digital signatures (GB/T 32918.2) on sm2p256v1 with a deterministic nonce.
 *
 * <p>Why our own signing loop: BouncyCastle 1.80's {@link SM2Signer} always draws its nonce from
 * a {@code RandomDSAKCalculator} and, without an explicit {@code SecureRandom}, from the global
 * {@code CryptoServicesRegistrar} source. A node must not depend on a global random source, and a
 * biased or repeated SM2 nonce reveals the private key exactly as with ECDSA. So {@link #sign}
 * derives {@code k} as RFC 6979 does (HMAC-DRBG keyed with the private key) but with HMAC-SM3 over
 * {@code e = SM3(Z_A || M)}: the same key and message always give the same signature, and
 * different messages give independent nonces. Verification stays with BouncyCastle's
 * {@link SM2Signer}, an implementation independent of this signing code, so each checks the other.
 */
public final class Sm2 {
  /** The default user identity of GB/T 35276 (and of BouncyCastle and OpenSSL). */
  public static final String DEFAULT_USER_ID_ASCII = "1234567812345678";

  private static final byte[] DEFAULT_USER_ID =
      DEFAULT_USER_ID_ASCII.getBytes(StandardCharsets.US_ASCII);
  private static final int USER_ID_BITS_MAX = 0xffff;
  private static final int DIGEST_LENGTH = 32;

  private final EcCurve curve = EcCurve.named(EcCurve.SM2P256V1);

  /** The sm2p256v1 curve with its checks. */
  public EcCurve curve() {
    return curve;
  }

  /** A copy of the default identity bytes. */
  public static byte[] defaultUserId() {
    return DEFAULT_USER_ID.clone();
  }

  /** Signs {@code message} with identity {@code userId}; the nonce is HMAC-SM3 deterministic. */
  public BigInteger[] sign(BigInteger privateScalar, byte[] userId, byte[] message) {
    curve.requirePrivateScalar("privateKey", privateScalar);
    return sign(privateScalar, curve.publicPoint(privateScalar), userId, message);
  }

  /**
   * As {@link #sign(BigInteger, byte[], byte[])} for a caller that already holds
   * {@code publicPoint = privateScalar * G} (it enters Z_A), saving one scalar multiplication.
   */
  public BigInteger[] sign(
      BigInteger privateScalar, ECPoint publicPoint, byte[] userId, byte[] message) {
    return sign(
        privateScalar, publicPoint, userId, message, new HMacDSAKCalculator(new SM3Digest()));
  }

  /**
   * Signs with nonces from {@code nonces}; known-answer tests pass a calculator that returns the
   * fixed {@code k} of the published examples, production passes the HMAC-SM3 one.
   *
   * @param publicPoint {@code privateScalar * G}
   * @return {@code {r, s}}
   */
  public BigInteger[] sign(
      BigInteger privateScalar,
      ECPoint publicPoint,
      byte[] userId,
      byte[] message,
      DSAKCalculator nonces) {
    curve.requirePrivateScalar("privateKey", privateScalar);
    BigInteger n = curve.order();
    byte[] eBytes = messageDigest(publicPoint, userId, message);
    BigInteger e = new BigInteger(1, eBytes);
    nonces.init(n, privateScalar, eBytes);
    BigInteger inverseOfOnePlusD = BigIntegers.modOddInverse(n, privateScalar.add(BigInteger.ONE));
    while (true) {
      BigInteger k = nonces.nextK();
      BigInteger x1 = curve.publicPoint(k).getAffineXCoord().toBigInteger();
      BigInteger r = e.add(x1).mod(n);
      if (r.signum() == 0 || r.add(k).equals(n)) {
        continue;
      }
      BigInteger s = inverseOfOnePlusD.multiply(k.subtract(r.multiply(privateScalar))).mod(n);
      if (s.signum() != 0) {
        return new BigInteger[] {r, s};
      }
    }
  }

  /**
   * BouncyCastle's independent SM2 verification of {@code (r, s)} over {@code message}; false for
   * scalars out of range rather than an exception, since a verifier must never throw on bad input.
   */
  public boolean verify(ECPoint publicPoint, byte[] userId, byte[] message, BigInteger r, BigInteger s) {
    BigInteger n = curve.order();
    if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
      return false;
    }
    SM2Signer verifier = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(
        false,
        new ParametersWithID(new ECPublicKeyParameters(publicPoint, curve.domain()), userId.clone()));
    verifier.update(message, 0, message.length);
    try {
      return verifier.verifySignature(StandardDSAEncoding.INSTANCE.encode(n, r, s));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * {@code e = SM3(Z_A || M)} with {@code Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA)}
   * (GB/T 32918.2, 5.5 and 6.1).
   */
  public byte[] messageDigest(ECPoint publicPoint, byte[] userId, byte[] message) {
    byte[] z = userIdDigest(publicPoint, userId);
    SM3Digest digest = new SM3Digest();
    digest.update(z, 0, z.length);
    digest.update(message, 0, message.length);
    byte[] out = new byte[DIGEST_LENGTH];
    digest.doFinal(out, 0);
    return out;
  }

  private byte[] userIdDigest(ECPoint publicPoint, byte[] userId) {
    int bits = userId.length * 8;
    if (bits > USER_ID_BITS_MAX) {
      throw new IllegalArgumentException("userId: longer than 8191 bytes");
    }
    SM3Digest digest = new SM3Digest();
    digest.update((byte) (bits >>> 8));
    digest.update((byte) bits);
    digest.update(userId, 0, userId.length);
    ECPoint normalized = publicPoint.normalize();
    ECPoint g = curve.domain().getG();
    addFieldElement(digest, curve.domain().getCurve().getA());
    addFieldElement(digest, curve.domain().getCurve().getB());
    addFieldElement(digest, g.getAffineXCoord());
    addFieldElement(digest, g.getAffineYCoord());
    addFieldElement(digest, normalized.getAffineXCoord());
    addFieldElement(digest, normalized.getAffineYCoord());
    byte[] out = new byte[DIGEST_LENGTH];
    digest.doFinal(out, 0);
    return out;
  }

  private static void addFieldElement(SM3Digest digest, ECFieldElement element) {
    byte[] bytes = element.getEncoded();
    digest.update(bytes, 0, bytes.length);
  }
}
