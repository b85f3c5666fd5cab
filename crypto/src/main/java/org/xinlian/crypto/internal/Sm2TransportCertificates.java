package org.xinlian.crypto.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/**
 * SM2 transport keys and certificates for gm chains, whose P2P TLS is RFC 8998 TLS 1.3
 * (docs/adr/0015-gm-tls-rfc8998.md): keys on sm2p256v1, certificates signed SM3withSM2 with the
 * default SM2 identity {@code 1234567812345678}, as GB/T 38636 tooling (Tongsuo, GmSSL) issues them.
 * Keys, signatures and parsed certificates are BouncyCastle JCA objects from a provider instance
 * passed explicitly, never registered, so that BouncyCastle's TLS, which signs and verifies with
 * the same provider, sees the objects it would have made itself.
 */
public final class Sm2TransportCertificates implements TransportCertificates {
  /** The BouncyCastle name of the curve GB/T 32918.5 recommends, {@code curveSM2} in RFC 8998. */
  public static final String SM2_CURVE = EcCurve.SM2P256V1;
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
  private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";
  private static final String CERTIFICATE_LABEL = "CERTIFICATE";
  private static final String SIGNATURE_ALGORITHM = "SM3withSM2";
  private static final EcCurve CURVE_SM2 = EcCurve.named(EcCurve.SM2P256V1);

  @Override
  public String curve() {
    return SM2_CURVE;
  }

  @Override
  public KeyPair generateKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
      generator.initialize(new ECGenParameterSpec(SM2_CURVE), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("transport key: cannot generate: " + e.getMessage(), e);
    }
  }

  @Override
  public X509Certificate issueCertificate(TransportCertificateRequest request) {
    requireSm2("transportCertificateRequest.subjectKey", request.subjectKey());
    requireSm2("transportCertificateRequest.issuerKey", request.issuerKey());
    SubjectPublicKeyInfo subjectInfo =
        SubjectPublicKeyInfo.getInstance(request.subjectKey().getEncoded());
    X500Name subjectName = new X500Name(request.subject());
    X500Name issuerName;
    byte[] authorityKeyIdentifier;
    if (request.issuerCertificate() == null) {
      issuerName = subjectName;
      authorityKeyIdentifier = CertificateTemplate.keyIdentifier(subjectInfo);
    } else {
      X509CertificateHolder issuer = holder(request.issuerCertificate());
      issuerName = issuer.getSubject();
      authorityKeyIdentifier = CertificateTemplate.keyIdentifier(issuer.getSubjectPublicKeyInfo());
    }
    try {
      X509v3CertificateBuilder builder = CertificateTemplate.builder(issuerName,
          request.serialNumber(), request.notBefore(), request.notAfter(), subjectName, subjectInfo,
          authorityKeyIdentifier, request.certificateAuthority(), KeyUsage.digitalSignature);
      X509CertificateHolder signed = builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
          .setProvider(BOUNCY_CASTLE)
          .setSecureRandom(request.random())
          .build(request.issuerKey()));
      return parse(signed.getEncoded());
    } catch (OperatorCreationException | CertificateException | IOException e) {
      throw new CryptoException("transport certificate: cannot build: " + e.getMessage(), e);
    }
  }

  @Override
  public String privateKeyToPem(PrivateKey key) {
    requireSm2("privateKey", key);
    return Pem.encode(PRIVATE_KEY_LABEL, key.getEncoded());
  }

  @Override
  public PrivateKey privateKeyFromPem(String pem) {
    String field = "transportPrivateKeyPem";
    byte[] der = Pem.decode(field, PRIVATE_KEY_LABEL, pem);
    Pem.parseDer(field, der);
    AlgorithmIdentifier algorithm;
    try {
      algorithm = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm();
    } catch (RuntimeException e) {
      throw new DecodingException(field, "not a PKCS#8 private key: " + e.getMessage(), e);
    }
    // Explicit parameters are refused as for suite keys: only the named curve is accepted.
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
        || !CURVE_SM2.oid().equals(algorithm.getParameters())) {
      throw new DecodingException(field, "not an SM2 (" + SM2_CURVE + ") key with the named curve");
    }
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("EC", BOUNCY_CASTLE).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DecodingException(field, "not a PKCS#8 EC private key: " + e.getMessage(), e);
    }
    if (!isSm2(key)) {
      throw new DecodingException(field, "not an SM2 (" + SM2_CURVE + ") key");
    }
    CURVE_SM2.requirePrivateScalar(field, ((java.security.interfaces.ECPrivateKey) key).getS());
    return key;
  }

  @Override
  public String privateKeyToEncryptedPem(PrivateKey key, char[] passphrase, SecureRandom random) {
    requireSm2("privateKey", key);
    return EncryptedPrivateKeys.encrypt(key, passphrase, random);
  }

  @Override
  public PrivateKey privateKeyFromEncryptedPem(String pem, char[] passphrase) {
    return privateKeyFromPem(Pem.encode(PRIVATE_KEY_LABEL, EncryptedPrivateKeys.decrypt(pem, passphrase)));
  }

  /** A revocation list signed by an SM2 transport CA with SM3withSM2. */
  @Override
  public java.security.cert.X509CRL issueRevocationList(
      org.xinlian.crypto.RevocationListRequest request, PrivateKey issuerKey, SecureRandom random) {
    requireSm2("issuerKey", issuerKey);
    try {
      return RevocationLists.build(request, new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
          .setProvider(BOUNCY_CASTLE).setSecureRandom(random).build(issuerKey));
    } catch (OperatorCreationException e) {
      throw new CryptoException("transport revocation list: cannot sign: " + e.getMessage(), e);
    }
  }

  @Override
  public String revocationListToPem(java.security.cert.X509CRL crl) {
    return RevocationLists.toPem(crl);
  }

  @Override
  public java.security.cert.X509CRL revocationListFromPem(String pem) {
    return RevocationLists.fromPem(pem);
  }

  @Override
  public String certificateToPem(X509Certificate certificate) {
    try {
      return Pem.encode(CERTIFICATE_LABEL, certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new CryptoException("transport certificate: cannot encode: " + e.getMessage(), e);
    }
  }

  @Override
  public X509Certificate certificateFromPem(String pem) {
    String field = "transportCertificatePem";
    byte[] der = Pem.decode(field, CERTIFICATE_LABEL, pem);
    Pem.parseDer(field, der);
    X509Certificate certificate;
    try {
      certificate = parse(der);
    } catch (CertificateException | RuntimeException e) {
      throw new DecodingException(field, "not an X.509 certificate: " + e.getMessage(), e);
    }
    if (!isSm2(certificate.getPublicKey())) {
      throw new DecodingException(field, "not a certificate of an SM2 (" + SM2_CURVE + ") key");
    }
    return certificate;
  }

  private static X509Certificate parse(byte[] der) throws CertificateException {
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509",
        BOUNCY_CASTLE).generateCertificate(new ByteArrayInputStream(der));
    if (certificate == null) {
      throw new CertificateException("no certificate");
    }
    return certificate;
  }

  private static X509CertificateHolder holder(X509Certificate certificate) {
    try {
      return new X509CertificateHolder(certificate.getEncoded());
    } catch (CertificateEncodingException | IOException e) {
      throw new DecodingException(
          "transportCertificateRequest.issuerCertificate", "not DER: " + e.getMessage(), e);
    }
  }

  private static void requireSm2(String field, Key key) {
    if (key == null || !isSm2(key)) {
      throw new IllegalArgumentException(field + ": must be an SM2 (" + SM2_CURVE + ") EC key");
    }
  }

  /** On the SM2 curve, whichever provider made the key (compared by curve, generator and order). */
  static boolean isSm2(Key key) {
    if (!(key instanceof ECKey ec) || ec.getParams() == null) {
      return false;
    }
    java.security.spec.ECParameterSpec params = ec.getParams();
    org.bouncycastle.crypto.params.ECDomainParameters domain = CURVE_SM2.domain();
    org.bouncycastle.math.ec.ECPoint generator = domain.getG().normalize();
    return params.getCurve().getField().getFieldSize() == domain.getCurve().getFieldSize()
        && params.getOrder().equals(domain.getN())
        && params.getCurve().getA().equals(domain.getCurve().getA().toBigInteger())
        && params.getCurve().getB().equals(domain.getCurve().getB().toBigInteger())
        && params.getGenerator().getAffineX().equals(generator.getAffineXCoord().toBigInteger())
        && params.getGenerator().getAffineY().equals(generator.getAffineYCoord().toBigInteger())
        && (!(key instanceof ECPublicKey publicKey) || publicKey.getW() != null);
  }
}
