package org.xinlian.crypto.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.math.BigInteger;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/**
 * P-256 transport keys and certificates. Keys and signatures come from the JDK (SunEC), so the
 * TLS stack that later uses them sees exactly the objects it would have made itself; BouncyCastle
 * only assembles the certificate structure.
 */
public final class P256TransportCertificates implements TransportCertificates {
  private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";
  private static final String CERTIFICATE_LABEL = "CERTIFICATE";
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  @Override
  public KeyPair generateKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(CURVE), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("transport key: cannot generate: " + e.getMessage(), e);
    }
  }

  @Override
  public X509Certificate issueCertificate(TransportCertificateRequest request) {
    requireP256("transportCertificateRequest.subjectKey", request.subjectKey());
    requireP256("transportCertificateRequest.issuerKey", request.issuerKey());
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
      X509v3CertificateBuilder builder = CertificateTemplate.builder(issuerName, request.serialNumber(),
          request.notBefore(), request.notAfter(), subjectName, subjectInfo, authorityKeyIdentifier,
          request.certificateAuthority(), KeyUsage.digitalSignature);
      X509CertificateHolder signed =
          builder.build(
              new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                  .setSecureRandom(request.random())
                  .build(request.issuerKey()));
      return parse(signed.getEncoded());
    } catch (CertIOException | OperatorCreationException | CertificateException e) {
      throw new CryptoException("transport certificate: cannot build: " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new CryptoException("transport certificate: cannot encode: " + e.getMessage(), e);
    }
  }

  @Override
  public String privateKeyToPem(PrivateKey key) {
    requireP256("privateKey", key);
    return Pem.encode(PRIVATE_KEY_LABEL, key.getEncoded());
  }

  @Override
  public PrivateKey privateKeyFromPem(String pem) {
    String field = "transportPrivateKeyPem";
    byte[] der = Pem.decode(field, PRIVATE_KEY_LABEL, pem);
    Pem.parseDer(field, der);
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new DecodingException(field, "not a PKCS#8 EC private key: " + e.getMessage(), e);
    }
    if (!isP256(key)) {
      throw new DecodingException(field, "not a P-256 (secp256r1) key");
    }
    return key;
  }

  @Override
  public String privateKeyToEncryptedPem(PrivateKey key, char[] passphrase, SecureRandom random) {
    requireP256("privateKey", key);
    return EncryptedPrivateKeys.encrypt(key, passphrase, random);
  }

  @Override
  public PrivateKey privateKeyFromEncryptedPem(String pem, char[] passphrase) {
    return privateKeyFromPem(Pem.encode(PRIVATE_KEY_LABEL, EncryptedPrivateKeys.decrypt(pem, passphrase)));
  }

  @Override
  public java.security.cert.X509CRL issueRevocationList(
      org.xinlian.crypto.RevocationListRequest request, PrivateKey issuerKey, SecureRandom random) {
    requireP256("issuerKey", issuerKey);
    try {
      return RevocationLists.build(request, new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
          .setSecureRandom(random).build(issuerKey));
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
    try {
      return parse(der);
    } catch (CertificateException | RuntimeException e) {
      throw new DecodingException(field, "not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  private static X509Certificate parse(byte[] der) throws CertificateException {
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    if (certificate == null) {
      throw new CertificateException("no certificate");
    }
    return certificate;
  }

  private static X509CertificateHolder holder(X509Certificate certificate) {
    try {
      return new X509CertificateHolder(certificate.getEncoded());
    } catch (CertificateEncodingException | java.io.IOException e) {
      throw new DecodingException(
          "transportCertificateRequest.issuerCertificate", "not DER: " + e.getMessage(), e);
    }
  }

  /** RFC 7093 method 1: SHA-256 of the subjectPublicKey bits, truncated to 160 bits. */
  private static void requireP256(String field, java.security.Key key) {
    if (key == null || !isP256(key)) {
      throw new IllegalArgumentException(field + ": must be a P-256 (secp256r1) EC key");
    }
  }

  private static boolean isP256(java.security.Key key) {
    if (!(key instanceof ECKey ec)) {
      return false;
    }
    ECParameterSpec params = ec.getParams();
    ECParameterSpec p256 = p256Parameters();
    return params.getCurve().equals(p256.getCurve())
        && params.getGenerator().equals(p256.getGenerator())
        && params.getOrder().equals(p256.getOrder())
        && (!(key instanceof ECPublicKey) || ((ECPublicKey) key).getW() != null);
  }

  private static ECParameterSpec p256Parameters() {
    try {
      java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(CURVE));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("P-256 parameters unavailable", e);
    }
  }
}
