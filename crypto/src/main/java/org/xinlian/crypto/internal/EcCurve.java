package org.xinlian.crypto.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PublicKey;

/**
 * One named 256-bit prime curve (secp256k1 or sm2p256v1) with the checks every key crossing a
 * trust boundary must pass: scalars in range, points on the curve and not at infinity. Both
 * suites and the PEM/X.509 code go through here so the rules cannot drift apart.
 */
public final class EcCurve {
  /** The SM2 recommended curve of GB/T 32918.5. */
  public static final String SM2P256V1 = "sm2p256v1";

  private static final int COORDINATE_LENGTH = 32;
  private static final int COMPRESSED_LENGTH = 1 + COORDINATE_LENGTH;
  private static final int PREFIXED_LENGTH = 1 + CryptoSuite.PUBLIC_KEY_LENGTH;
  private static final byte UNCOMPRESSED_PREFIX = 0x04;

  private final String name;
  private final ASN1ObjectIdentifier oid;
  private final ECDomainParameters domain;
  private final BigInteger privateScalarMax;
  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  private EcCurve(String name) {
    // The custom-field implementations (SM2P256V1Curve, SecP256K1Curve) are several times faster
    // than the generic prime field; every point of this class lives on that one curve instance.
    X9ECParameters custom = CustomNamedCurves.getByName(name);
    X9ECParameters parameters = custom != null ? custom : ECNamedCurveTable.getByName(name);
    ASN1ObjectIdentifier identifier = ECNamedCurveTable.getOID(name);
    if (parameters == null || identifier == null || parameters.getN().bitLength() != 256) {
      throw new IllegalArgumentException("curve: unknown or unsupported curve '" + name + "'");
    }
    this.name = name;
    this.oid = identifier;
    this.domain = new ECDomainParameters(parameters);
    // SM2 signing inverts (1 + d) mod n, so GB/T 32918.1 restricts d to [1, n-2]; ECDSA allows n-1.
    BigInteger order = parameters.getN();
    this.privateScalarMax =
        SM2P256V1.equals(name) ? order.subtract(BigInteger.TWO) : order.subtract(BigInteger.ONE);
  }

  /** The curve with this BouncyCastle name, such as {@code secp256k1} or {@code sm2p256v1}. */
  public static EcCurve named(String name) {
    return new EcCurve(name);
  }

  public String name() {
    return name;
  }

  public ASN1ObjectIdentifier oid() {
    return oid;
  }

  public ECDomainParameters domain() {
    return domain;
  }

  public BigInteger order() {
    return domain.getN();
  }

  /** The largest private scalar this curve's signature scheme accepts. */
  public BigInteger privateScalarMax() {
    return privateScalarMax;
  }

  /** The private scalar of a 32-byte big-endian encoding, rejected naming {@code field} when out of range. */
  public BigInteger privateScalar(String field, byte[] encoded) {
    if (encoded == null || encoded.length != CryptoSuite.HASH_LENGTH) {
      throw new DecodingException(
          field, "expected 32 bytes but got " + (encoded == null ? "none" : encoded.length));
    }
    BigInteger scalar = new BigInteger(1, encoded);
    requirePrivateScalar(field, scalar);
    return scalar;
  }

  /** Rejects a scalar outside {@code [1, privateScalarMax]} naming {@code field}. */
  public void requirePrivateScalar(String field, BigInteger scalar) {
    if (scalar.signum() <= 0 || scalar.compareTo(privateScalarMax) > 0) {
      throw new DecodingException(
          field, "private scalar out of range [1, " + privateScalarMax.toString(16) + "] for " + name);
    }
  }

  /** {@code d * G}, with the comb multiplier (regular, table-based) that BouncyCastle signs with. */
  public ECPoint publicPoint(BigInteger privateScalar) {
    return baseMultiplier.multiply(domain.getG(), privateScalar).normalize();
  }

  /**
   * A point from its raw 64-byte form, the 65-byte {@code 04}-prefixed form or the 33-byte
   * compressed form; anything not on the curve, at infinity or of another length is rejected.
   */
  public ECPoint decodePoint(String field, byte[] encoded) {
    if (encoded == null) {
      throw new DecodingException(field, "missing point");
    }
    byte[] prefixed;
    if (encoded.length == CryptoSuite.PUBLIC_KEY_LENGTH) {
      prefixed = new byte[PREFIXED_LENGTH];
      prefixed[0] = UNCOMPRESSED_PREFIX;
      System.arraycopy(encoded, 0, prefixed, 1, encoded.length);
    } else if (encoded.length == PREFIXED_LENGTH && encoded[0] == UNCOMPRESSED_PREFIX) {
      prefixed = encoded;
    } else if (encoded.length == COMPRESSED_LENGTH && (encoded[0] == 0x02 || encoded[0] == 0x03)) {
      prefixed = encoded;
    } else {
      throw new DecodingException(
          field,
          "expected 64 raw, 65 (0x04-prefixed) or 33 (compressed) bytes, got "
              + encoded.length
              + " bytes");
    }
    ECPoint point;
    try {
      // decodePoint checks field range and the curve equation; the cofactor is 1 on both curves.
      point = domain.getCurve().decodePoint(prefixed).normalize();
    } catch (RuntimeException e) {
      throw new DecodingException(field, "not a point on " + name + ": " + e.getMessage(), e);
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new DecodingException(field, "not a valid point on " + name);
    }
    return point;
  }

  /** The point of a {@link PublicKey}, which anybody can construct, so it is checked again. */
  public ECPoint point(String field, PublicKey key) {
    return decodePoint(field, key.bytes());
  }

  /** The raw 64-byte {@code x || y} form of an affine point. */
  public byte[] rawPublicKey(ECPoint point) {
    ECPoint normalized = point.normalize();
    byte[] raw = new byte[CryptoSuite.PUBLIC_KEY_LENGTH];
    BigIntegers.asUnsignedByteArray(
        normalized.getAffineXCoord().toBigInteger(), raw, 0, COORDINATE_LENGTH);
    BigIntegers.asUnsignedByteArray(
        normalized.getAffineYCoord().toBigInteger(), raw, COORDINATE_LENGTH, COORDINATE_LENGTH);
    return raw;
  }

  /** A scalar as exactly 32 big-endian bytes. */
  public static byte[] scalarBytes(BigInteger scalar) {
    return BigIntegers.asUnsignedByteArray(COORDINATE_LENGTH, scalar);
  }
}
