package org.xinlian.crypto.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;

/**
 * The two curves under test, with key pairs built directly from BouncyCastle's curve arithmetic
 * (not through a suite, so the standard curve can be tested before StandardSuite exists).
 */
record TestCurves(
    String suite,
    String curveName,
    String signatureAlgorithm,
    String signatureAlgorithmOid,
    String opensslCurveName) {
  // OIDs: SM2-with-SM3 from GM/T 0006-2012, ecdsa-with-SHA256 from RFC 5758 section 3.2.
  static final TestCurves GM = new TestCurves("gm", "sm2p256v1", "SM3withSM2", "1.2.156.10197.1.501", "SM2");
  static final TestCurves STANDARD =
      new TestCurves("standard", "secp256k1", "SHA256withECDSA", "1.2.840.10045.4.3.2", "secp256k1");

  static Stream<TestCurves> both() {
    return Stream.of(GM, STANDARD);
  }

  EcKeyEncoding encoding() {
    return new EcKeyEncoding(suite, curveName, signatureAlgorithm);
  }

  TestCurves other() {
    return this == GM ? STANDARD : GM;
  }

  /** A reproducible key pair: d = SHA-256(label) mod (n - 2) + 1. */
  KeyPair keyPair(String label) {
    X9ECParameters parameters = ECNamedCurveTable.getByName(curveName);
    BigInteger n = parameters.getN();
    BigInteger d = new BigInteger(1, sha256(label)).mod(n.subtract(BigInteger.TWO)).add(BigInteger.ONE);
    ECPoint q = new FixedPointCombMultiplier().multiply(parameters.getG(), d).normalize();
    byte[] raw = new byte[64];
    BigIntegers.asUnsignedByteArray(q.getAffineXCoord().toBigInteger(), raw, 0, 32);
    BigIntegers.asUnsignedByteArray(q.getAffineYCoord().toBigInteger(), raw, 32, 32);
    return new KeyPair(new PrivateKey(suite, BigIntegers.asUnsignedByteArray(32, d)), new PublicKey(suite, raw));
  }

  CertificateRequest caRequest(KeyPair ca) {
    return new CertificateRequest("CN=Xinlian CA,O=Xinlian", ca.publicKey(), ca, null, BigInteger.ONE,
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z"), true, List.of(), List.of());
  }

  CertificateRequest nodeRequest(KeyPair node, KeyPair ca, java.security.cert.X509Certificate caCertificate) {
    return new CertificateRequest("CN=node0,O=Xinlian", node.publicKey(), ca, caCertificate,
        BigInteger.valueOf(2), Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"),
        false, List.of("node0.xinlian.test"), List.of("127.0.0.1", "::1"));
  }

  @Override
  public String toString() {
    return curveName;
  }

  private static byte[] sha256(String label) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
