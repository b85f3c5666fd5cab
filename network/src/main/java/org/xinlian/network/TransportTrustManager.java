package org.xinlian.network;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xinlian.common.Clock;

/**
 * Accepts exactly the TLS certificates one of the consortium's transport CAs issued (one per
 * organisation, docs/spec/governance.md GOV-1) and that are valid now by the node's {@link Clock}.
 * Why not the JDK's PKIX trust manager: it reads the wall clock itself and reports every failure
 * as one generic error, while operators need the precise reason. Host names are not checked: a
 * peer is identified by its certificates, not its address.
 */
final class TransportTrustManager extends X509ExtendedTrustManager {
  private final List<X509Certificate> authorities;
  private final CertificateRevocations revocations;
  private final Clock clock;

  TransportTrustManager(List<X509Certificate> authorities, Clock clock) {
    this(authorities, CertificateRevocations.none(), clock);
  }

  /** Also refuses the certificates its CA revoked, as {@code revocations} says at each handshake. */
  TransportTrustManager(List<X509Certificate> authorities, CertificateRevocations revocations,
      Clock clock) {
    this.authorities = List.copyOf(authorities);
    this.revocations = revocations;
    this.clock = clock;
  }

  /** Checks a peer's chain; the first certificate is its own, further ones are ignored. */
  void check(X509Certificate[] chain) throws HandshakeRefusal {
    if (chain == null || chain.length == 0) {
      throw new HandshakeRefusal(RefusalReason.NO_CERTIFICATE, "empty TLS certificate chain");
    }
    X509Certificate leaf = chain[0];
    X509Certificate authority = issuer(leaf);
    Date now = new Date(clock.currentTimeMillis());
    try {
      authority.checkValidity(now);
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new HandshakeRefusal(e instanceof CertificateExpiredException
          ? RefusalReason.TRANSPORT_EXPIRED : RefusalReason.TRANSPORT_NOT_YET_VALID,
          "this node's transport CA '" + authority.getSubjectX500Principal() + "' is valid from "
              + authority.getNotBefore().toInstant() + " until "
              + authority.getNotAfter().toInstant() + ", now " + now.toInstant());
    }
    try {
      leaf.checkValidity(now);
    } catch (CertificateExpiredException e) {
      throw new HandshakeRefusal(RefusalReason.TRANSPORT_EXPIRED,
          "TLS certificate '" + leaf.getSubjectX500Principal() + "' valid until "
              + leaf.getNotAfter().toInstant() + ", now " + now.toInstant());
    } catch (CertificateNotYetValidException e) {
      throw new HandshakeRefusal(RefusalReason.TRANSPORT_NOT_YET_VALID,
          "TLS certificate '" + leaf.getSubjectX500Principal() + "' valid from "
              + leaf.getNotBefore().toInstant() + ", now " + now.toInstant());
    }
    if (leaf.getBasicConstraints() != -1) {
      throw new HandshakeRefusal(RefusalReason.TRANSPORT_INVALID,
          "TLS certificate is a CA certificate");
    }
    if (!(leaf.getPublicKey() instanceof ECPublicKey)) {
      throw new HandshakeRefusal(RefusalReason.TRANSPORT_INVALID, "TLS key is not an EC key");
    }
    if (revocations.transportRevoked(leaf)) {
      throw new HandshakeRefusal(RefusalReason.TRANSPORT_REVOKED, "TLS certificate '"
          + leaf.getSubjectX500Principal() + "' serial " + leaf.getSerialNumber()
          + " is revoked by '" + leaf.getIssuerX500Principal() + "'");
    }
  }

  /** The transport CA that signed {@code leaf}: the one its issuer names, proven by its signature. */
  private X509Certificate issuer(X509Certificate leaf) throws HandshakeRefusal {
    boolean named = false;
    String failure = "";
    for (X509Certificate authority : authorities) {
      if (!leaf.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
        continue;
      }
      named = true;
      try {
        leaf.verify(authority.getPublicKey());
        return authority;
      } catch (GeneralSecurityException | RuntimeException e) {
        failure = e.getMessage();
      }
    }
    if (!named) {
      throw new HandshakeRefusal(RefusalReason.TRANSPORT_UNKNOWN_ISSUER,
          "TLS certificate issued by '" + leaf.getIssuerX500Principal() + "', expected "
              + (authorities.size() == 1 ? "'" + authorities.get(0).getSubjectX500Principal() + "'"
                  : "one of the " + authorities.size() + " transport CAs"));
    }
    throw new HandshakeRefusal(RefusalReason.TRANSPORT_UNKNOWN_ISSUER,
        "TLS certificate not signed by the transport CA: " + failure);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws HandshakeRefusal {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws HandshakeRefusal {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws HandshakeRefusal {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws HandshakeRefusal {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws HandshakeRefusal {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws HandshakeRefusal {
    check(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return authorities.toArray(X509Certificate[]::new);
  }
}
