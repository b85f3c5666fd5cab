package org.xinlian.crypto.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The X.509 v3 skeleton both certificate kinds share, node certificates on the chain's suite
 * ({@link EcKeyEncoding}) and P-256 transport certificates ({@link P256TransportCertificates}):
 * critical basic constraints and key usage, and subject and authority key identifiers, so that a
 * CA and its leaves chain the same way on either layer.
 */
final class CertificateTemplate {
  private static final int KEY_IDENTIFIER_LENGTH = 20;

  private CertificateTemplate() {}

  /**
   * A builder with the shared extensions; the caller adds its own (subject alternative names) and
   * signs.
   *
   * @param leafKeyUsage the {@link KeyUsage} bits of a leaf; a CA gets keyCertSign and cRLSign
   */
  static X509v3CertificateBuilder builder(X500Name issuer, BigInteger serialNumber, Instant notBefore,
      Instant notAfter, X500Name subject, SubjectPublicKeyInfo subjectInfo, byte[] authorityKeyIdentifier,
      boolean authority, int leafKeyUsage) throws CertIOException {
    X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, serialNumber,
        Date.from(notBefore), Date.from(notAfter), subject, subjectInfo);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    builder.addExtension(Extension.keyUsage, true,
        new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign : leafKeyUsage));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(subjectInfo)));
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyIdentifier));
    return builder;
  }

  /** RFC 7093 method 1: the leftmost 160 bits of SHA-256 over the subjectPublicKey bits. */
  static byte[] keyIdentifier(SubjectPublicKeyInfo info) {
    byte[] key = info.getPublicKeyData().getBytes();
    SHA256Digest sha256 = new SHA256Digest();
    sha256.update(key, 0, key.length);
    byte[] hash = new byte[sha256.getDigestSize()];
    sha256.doFinal(hash, 0);
    return Arrays.copyOf(hash, KEY_IDENTIFIER_LENGTH);
  }
}
