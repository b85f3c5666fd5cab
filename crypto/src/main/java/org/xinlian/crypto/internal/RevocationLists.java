package org.xinlian.crypto.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Date;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.RevocationListRequest;

/** X.509 v2 CRLs for both kinds of CA: the structure here, the signature by the caller's signer. */
public final class RevocationLists {
  private static final String LABEL = "X509 CRL";

  private RevocationLists() {}

  static X509CRL build(RevocationListRequest request, ContentSigner signer) {
    try {
      X509CertificateHolder issuer = new X509CertificateHolder(request.issuerCertificate().getEncoded());
      X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.getSubject(),
          Date.from(request.revocationTime()));
      builder.setNextUpdate(Date.from(request.nextUpdate()));
      for (BigInteger serial : request.revokedSerials()) {
        builder.addCRLEntry(serial, Date.from(request.revocationTime()), CRLReason.unspecified);
      }
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(request.number()));
      X509CRLHolder signed = builder.build(signer);
      return parse(signed.getEncoded());
    } catch (IOException | CertificateEncodingException e) {
      throw new CryptoException("revocation list: cannot build: " + e.getMessage(), e);
    }
  }

  /** PEM ({@code -----BEGIN X509 CRL-----}, as OpenSSL writes it) of a list. */
  public static String toPem(X509CRL crl) {
    try {
      return Pem.encode(LABEL, crl.getEncoded());
    } catch (CRLException e) {
      throw new CryptoException("revocation list: cannot encode: " + e.getMessage(), e);
    }
  }

  /** One PEM CRL, parsed by the JDK; rejects malformed input. */
  public static X509CRL fromPem(String pem) {
    String field = "revocationListPem";
    byte[] der = Pem.decode(field, LABEL, pem);
    Pem.parseDer(field, der);
    return parse(der);
  }

  /** The CRL number extension, or 0 when the list has none. */
  public static BigInteger number(X509CRL crl) {
    byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
    if (extension == null) {
      return BigInteger.ZERO;
    }
    try {
      return CRLNumber.getInstance(
          org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets()).getCRLNumber();
    } catch (RuntimeException e) {
      throw new DecodingException("revocationList.crlNumber", "malformed: " + e.getMessage(), e);
    }
  }

  static X509CRLHolder holder(X509CRL crl) {
    try {
      return new X509CRLHolder(crl.getEncoded());
    } catch (CRLException | IOException e) {
      throw new DecodingException("revocationList", "not DER: " + e.getMessage(), e);
    }
  }

  private static X509CRL parse(byte[] der) {
    try {
      X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
          .generateCRL(new ByteArrayInputStream(der));
      if (crl == null) {
        throw new DecodingException("revocationListPem", "no CRL");
      }
      return crl;
    } catch (CertificateException | CRLException | RuntimeException e) {
      if (e instanceof DecodingException decoding) {
        throw decoding;
      }
      throw new DecodingException("revocationListPem", "not an X.509 CRL: " + e.getMessage(), e);
    }
  }
}
