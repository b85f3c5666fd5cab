package org.xinlian.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.xinlian.crypto.CryptoException;

/**
 * Signs certificates with a deterministic nonce: RFC 6979 ECDSA for {@code SHA256withECDSA}, the
 * HMAC-SM3 nonce of {@link Sm2} for {@code SM3withSM2}. Why not JcaContentSignerBuilder: its JCA
 * signatures take their nonce from a SecureRandom, which would be BouncyCastle's global default
 * here because {@code CertificateRequest} carries none; deterministic signing also makes a
 * certificate reproducible from its request.
 */
final class DeterministicContentSigner implements ContentSigner {
  static final String SHA256_WITH_ECDSA = "SHA256withECDSA";
  static final String SM3_WITH_SM2 = "SM3withSM2";

  private final String algorithm;
  private final EcCurve curve;
  private final BigInteger privateScalar;
  private final AlgorithmIdentifier algorithmIdentifier;
  private final ByteArrayOutputStream content = new ByteArrayOutputStream();

  DeterministicContentSigner(String algorithm, EcCurve curve, BigInteger privateScalar) {
    requireSupported(algorithm);
    this.algorithm = algorithm;
    this.curve = curve;
    this.privateScalar = privateScalar;
    this.algorithmIdentifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
  }

  /** Rejects an algorithm this class cannot sign with, at construction of the encoder. */
  static void requireSupported(String algorithm) {
    if (!SHA256_WITH_ECDSA.equals(algorithm) && !SM3_WITH_SM2.equals(algorithm)) {
      throw new IllegalArgumentException(
          "signatureAlgorithm: expected "
              + SHA256_WITH_ECDSA
              + " or "
              + SM3_WITH_SM2
              + ", got "
              + algorithm);
    }
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithmIdentifier;
  }

  @Override
  public OutputStream getOutputStream() {
    return content;
  }

  @Override
  public byte[] getSignature() {
    byte[] tbs = content.toByteArray();
    content.reset();
    BigInteger[] rs;
    if (SM3_WITH_SM2.equals(algorithm)) {
      rs = new Sm2().sign(privateScalar, Sm2.defaultUserId(), tbs);
    } else {
      SHA256Digest sha256 = new SHA256Digest();
      sha256.update(tbs, 0, tbs.length);
      byte[] hash = new byte[sha256.getDigestSize()];
      sha256.doFinal(hash, 0);
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, new ECPrivateKeyParameters(privateScalar, curve.domain()));
      rs = signer.generateSignature(hash);
    }
    try {
      return StandardDSAEncoding.INSTANCE.encode(curve.order(), rs[0], rs[1]);
    } catch (IOException e) {
      throw new CryptoException("certificate signature: cannot DER-encode (r, s)", e);
    }
  }
}
