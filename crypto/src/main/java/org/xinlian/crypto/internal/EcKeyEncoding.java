package org.xinlian.crypto.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;

/**
 * PKCS#8 / X.509 PEM encoding and certificate issuing for one elliptic curve, shared by both
 * suites (secp256k1 with SHA256withECDSA; sm2p256v1 with SM3withSM2), so that key files and
 * certificates of both suites follow the same rules and OpenSSL 3 reads them.
 *
 * <p>Keys are written as OpenSSL does: {@code id-ecPublicKey} with the named curve's OID (for SM2
 * too, as OpenSSL 3 and GM/T 0010 tooling do), the public point inside the PKCS#8 structure.
 * Readers accept only this suite's named curve, never explicit parameters. The BouncyCastle JCA
 * provider is passed to each converter explicitly and never registered globally, so this class
 * changes nothing for the rest of the process.
 */
public final class EcKeyEncoding {
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
  private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";
  private static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";
  private static final String CERTIFICATE_LABEL = "CERTIFICATE";

  private final String suiteName;
  private final EcCurve curve;
  private final String signatureAlgorithm;
  private final AlgorithmIdentifier keyAlgorithm;

  /**
   * @param suiteName the suite written into decoded keys, {@code standard} or {@code gm}
   * @param curveName {@code secp256k1} or {@code sm2p256v1}
   * @param signatureAlgorithm {@code SHA256withECDSA} or {@code SM3withSM2}
   */
  public EcKeyEncoding(String suiteName, String curveName, String signatureAlgorithm) {
    DeterministicContentSigner.requireSupported(signatureAlgorithm);
    this.suiteName = suiteName;
    this.curve = EcCurve.named(curveName);
    this.signatureAlgorithm = signatureAlgorithm;
    this.keyAlgorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve.oid());
  }

  public String privateKeyToPem(PrivateKey key) {
    requireSuite("privateKey", key.suite());
    BigInteger scalar = curve.privateScalar("privateKey", key.bytes());
    byte[] point = curve.publicPoint(scalar).getEncoded(false);
    ECPrivateKey structure = new ECPrivateKey(256, scalar, new DERBitString(point), null);
    try {
      return Pem.encode(
          PRIVATE_KEY_LABEL, new PrivateKeyInfo(keyAlgorithm, structure).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CryptoException("privateKey: cannot DER-encode", e);
    }
  }

  public PrivateKey privateKeyFromPem(String pem) {
    String field = "privateKeyPem";
    byte[] der = Pem.decode(field, PRIVATE_KEY_LABEL, pem);
    BigInteger scalar;
    ECPrivateKey structure;
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(Pem.parseDer(field, der));
      requireNamedCurve(field, info.getPrivateKeyAlgorithm());
      structure = ECPrivateKey.getInstance(info.parsePrivateKey());
      scalar = structure.getKey();
    } catch (IOException | RuntimeException e) {
      if (e instanceof DecodingException decoding) {
        throw decoding;
      }
      throw new DecodingException(field, "not a PKCS#8 EC private key: " + e.getMessage(), e);
    }
    curve.requirePrivateScalar(field, scalar);
    ASN1Encodable innerParameters = structure.getParametersObject();
    if (innerParameters != null && !curve.oid().equals(innerParameters)) {
      throw new DecodingException(field, "inner curve parameters do not name " + curve.name());
    }
    ASN1BitString embeddedPoint = structure.getPublicKey();
    if (embeddedPoint != null) {
      ECPoint point = curve.decodePoint(field, bitStringOctets(field, embeddedPoint));
      if (!point.equals(curve.publicPoint(scalar))) {
        throw new DecodingException(field, "embedded public key does not belong to the private key");
      }
    }
    return new PrivateKey(suiteName, EcCurve.scalarBytes(scalar));
  }

  public String publicKeyToPem(PublicKey key) {
    try {
      return Pem.encode(PUBLIC_KEY_LABEL, subjectPublicKeyInfo(key).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new CryptoException("publicKey: cannot DER-encode", e);
    }
  }

  public PublicKey publicKeyFromPem(String pem) {
    String field = "publicKeyPem";
    byte[] der = Pem.decode(field, PUBLIC_KEY_LABEL, pem);
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(Pem.parseDer(field, der));
    } catch (RuntimeException e) {
      if (e instanceof DecodingException decoding) {
        throw decoding;
      }
      throw new DecodingException(field, "not a SubjectPublicKeyInfo: " + e.getMessage(), e);
    }
    return publicKeyOf(field, info);
  }

  /**
   * Issues a certificate: self-signed when {@code issuerCertificate} is null, otherwise issued by
   * it. CA certificates get critical BasicConstraints(CA) and keyCertSign + cRLSign; others get
   * digitalSignature + keyAgreement. Key identifiers follow RFC 7093 method 1 (SHA-256 of the key,
   * truncated to 160 bits) so that no SHA-1 appears in gm certificates.
   */
  public X509Certificate issueCertificate(CertificateRequest request) {
    requireSuite("certificateRequest.subjectKey", request.subjectKey().suite());
    requireSuite("certificateRequest.issuerKeyPair", request.issuerKeyPair().privateKey().suite());
    BigInteger issuerScalar =
        curve.privateScalar(
            "certificateRequest.issuerKeyPair", request.issuerKeyPair().privateKey().bytes());
    PublicKey issuerPublicKey = request.issuerKeyPair().publicKey();
    if (!Arrays.equals(curve.rawPublicKey(curve.publicPoint(issuerScalar)), issuerPublicKey.bytes())) {
      throw new IllegalArgumentException(
          "certificateRequest.issuerKeyPair: public key does not belong to the private key");
    }
    SubjectPublicKeyInfo subjectInfo = subjectPublicKeyInfo(request.subjectKey());
    X500Name subjectName = distinguishedName(request.subject());
    X500Name issuerName;
    byte[] authorityKeyIdentifier;
    if (request.issuerCertificate() == null) {
      if (!issuerPublicKey.equals(request.subjectKey())) {
        throw new IllegalArgumentException(
            "certificateRequest.issuerKeyPair: a self-signed certificate is signed by the subject key");
      }
      issuerName = subjectName;
      authorityKeyIdentifier = CertificateTemplate.keyIdentifier(subjectInfo);
    } else {
      X509CertificateHolder issuer = holder("certificateRequest.issuerCertificate", request.issuerCertificate());
      if (!publicKeyOf("certificateRequest.issuerCertificate", issuer.getSubjectPublicKeyInfo())
          .equals(issuerPublicKey)) {
        throw new IllegalArgumentException(
            "certificateRequest.issuerKeyPair: does not match the issuer certificate's key");
      }
      issuerName = issuer.getSubject();
      SubjectKeyIdentifier issuerIdentifier = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
      authorityKeyIdentifier =
          issuerIdentifier != null
              ? issuerIdentifier.getKeyIdentifier()
              : CertificateTemplate.keyIdentifier(issuer.getSubjectPublicKeyInfo());
    }
    try {
      X509v3CertificateBuilder builder = CertificateTemplate.builder(issuerName, request.serialNumber(),
          request.notBefore(), request.notAfter(), subjectName, subjectInfo, authorityKeyIdentifier,
          request.certificateAuthority(), KeyUsage.digitalSignature | KeyUsage.keyAgreement);
      GeneralNames alternativeNames = alternativeNames(request);
      if (alternativeNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
      }
      X509CertificateHolder signed =
          builder.build(new DeterministicContentSigner(signatureAlgorithm, curve, issuerScalar));
      return new JcaX509CertificateConverter().setProvider(BOUNCY_CASTLE).getCertificate(signed);
    } catch (IOException | CertificateException e) {
      throw new CryptoException("certificate: cannot build: " + e.getMessage(), e);
    }
  }

  public String certificateToPem(X509Certificate certificate) {
    try {
      return Pem.encode(CERTIFICATE_LABEL, certificate.getEncoded());
    } catch (CertificateException e) {
      throw new CryptoException("certificate: cannot encode: " + e.getMessage(), e);
    }
  }

  public X509Certificate certificateFromPem(String pem) {
    String field = "certificatePem";
    byte[] der = Pem.decode(field, CERTIFICATE_LABEL, pem);
    Pem.parseDer(field, der);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509", BOUNCY_CASTLE);
      X509Certificate certificate =
          (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
      if (certificate == null) {
        throw new DecodingException(field, "no certificate in the PEM block");
      }
      return certificate;
    } catch (CertificateException | RuntimeException e) {
      if (e instanceof DecodingException decoding) {
        throw decoding;
      }
      throw new DecodingException(field, "not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  public PublicKey certificatePublicKey(X509Certificate certificate) {
    String field = "certificate.publicKey";
    return publicKeyOf(field, holder(field, certificate).getSubjectPublicKeyInfo());
  }

  /**
   * True when the certificate is signed with this encoder's algorithm by {@code issuerKey}. The
   * check runs in BouncyCastle's JCA provider, independent of the signing code here; for SM2 it
   * uses the default identity {@code 1234567812345678}, as BouncyCastle and OpenSSL do.
   */
  public boolean verifyCertificateSignature(X509Certificate certificate, PublicKey issuerKey) {
    requireSuite("issuerKey", issuerKey.suite());
    X509CertificateHolder holder = holder("certificate", certificate);
    ASN1ObjectIdentifier expected =
        new DefaultSignatureAlgorithmIdentifierFinder().find(signatureAlgorithm).getAlgorithm();
    if (!expected.equals(holder.getSignatureAlgorithm().getAlgorithm())) {
      return false;
    }
    try {
      java.security.PublicKey jcaKey =
          KeyFactory.getInstance("EC", BOUNCY_CASTLE)
              .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(issuerKey).getEncoded()));
      return holder.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE).build(jcaKey));
    } catch (CertException e) {
      return false;
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new CryptoException("certificate: cannot set up verification: " + e.getMessage(), e);
    }
  }

  /** A CRL signed by the CA key pair {@code issuer} with this encoder's algorithm. */
  public java.security.cert.X509CRL issueRevocationList(
      org.xinlian.crypto.RevocationListRequest request, org.xinlian.crypto.KeyPair issuer) {
    requireSuite("issuerKeyPair", issuer.privateKey().suite());
    if (!certificatePublicKey(request.issuerCertificate()).equals(issuer.publicKey())) {
      throw new IllegalArgumentException(
          "revocationListRequest: the key is not the issuer certificate's");
    }
    BigInteger scalar = curve.privateScalar("issuerKeyPair", issuer.privateKey().bytes());
    return RevocationLists.build(request,
        new DeterministicContentSigner(signatureAlgorithm, curve, scalar));
  }

  /** True when {@code crl} is signed with this encoder's algorithm by {@code issuerKey}. */
  public boolean verifyRevocationListSignature(java.security.cert.X509CRL crl, PublicKey issuerKey) {
    requireSuite("issuerKey", issuerKey.suite());
    org.bouncycastle.cert.X509CRLHolder holder = RevocationLists.holder(crl);
    ASN1ObjectIdentifier expected =
        new DefaultSignatureAlgorithmIdentifierFinder().find(signatureAlgorithm).getAlgorithm();
    if (!expected.equals(holder.toASN1Structure().getSignatureAlgorithm().getAlgorithm())) {
      return false;
    }
    try {
      java.security.PublicKey jcaKey =
          KeyFactory.getInstance("EC", BOUNCY_CASTLE)
              .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo(issuerKey).getEncoded()));
      return holder.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE).build(jcaKey));
    } catch (CertException e) {
      return false;
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new CryptoException("revocation list: cannot set up verification: " + e.getMessage(), e);
    }
  }

  private SubjectPublicKeyInfo subjectPublicKeyInfo(PublicKey key) {
    requireSuite("publicKey", key.suite());
    return new SubjectPublicKeyInfo(keyAlgorithm, curve.point("publicKey", key).getEncoded(false));
  }

  private PublicKey publicKeyOf(String field, SubjectPublicKeyInfo info) {
    requireNamedCurve(field, info.getAlgorithm());
    byte[] encoded = bitStringOctets(field, info.getPublicKeyData());
    if (encoded.length == org.xinlian.crypto.CryptoSuite.PUBLIC_KEY_LENGTH) {
      throw new DecodingException(field, "an X.509 EC point needs its 0x02, 0x03 or 0x04 prefix");
    }
    return new PublicKey(suiteName, curve.rawPublicKey(curve.decodePoint(field, encoded)));
  }

  private void requireNamedCurve(String field, AlgorithmIdentifier algorithm) {
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
      throw new DecodingException(
          field, "expected an EC key (id-ecPublicKey) but got algorithm " + algorithm.getAlgorithm());
    }
    ASN1Encodable parameters = algorithm.getParameters();
    if (!(parameters instanceof ASN1ObjectIdentifier named)) {
      throw new DecodingException(field, "expected the named curve " + curve.name() + ", not explicit parameters");
    }
    if (!curve.oid().equals(named)) {
      String other = ECNamedCurveTable.getName(named);
      throw new DecodingException(
          field,
          "expected curve " + curve.name() + " but got " + (other != null ? other : named.getId()));
    }
  }

  private void requireSuite(String field, String suite) {
    if (!suiteName.equals(suite)) {
      throw new IllegalArgumentException(
          field + ": a key of suite '" + suite + "' given to the " + suiteName + " suite");
    }
  }

  private static byte[] bitStringOctets(String field, ASN1BitString bits) {
    if (bits.getPadBits() != 0) {
      throw new DecodingException(field, "EC point bit string is not octet aligned");
    }
    return bits.getOctets();
  }

  private static X500Name distinguishedName(String subject) {
    try {
      return new X500Name(subject);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "certificateRequest.subject: not a distinguished name: " + subject, e);
    }
  }

  private static X509CertificateHolder holder(String field, X509Certificate certificate) {
    try {
      return new X509CertificateHolder(certificate.getEncoded());
    } catch (CertificateException | IOException | RuntimeException e) {
      throw new DecodingException(field, "cannot read the certificate: " + e.getMessage(), e);
    }
  }

  private static GeneralNames alternativeNames(CertificateRequest request) {
    List<GeneralName> names = new ArrayList<>();
    for (String dns : request.dnsNames()) {
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (String ip : request.ipAddresses()) {
      try {
        names.add(new GeneralName(GeneralName.iPAddress, ip));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "certificateRequest.ipAddresses: not an IP address: " + ip, e);
      }
    }
    return names.isEmpty() ? null : new GeneralNames(names.toArray(new GeneralName[0]));
  }
}
