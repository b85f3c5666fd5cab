package org.xinlian.network;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates the consortium's organisations revoked, as their CRLs list them
 * (docs/adr/0016-node-keys-hsm-and-revocation.md): node certificates (issued by a consortium CA)
 * and transport certificates (issued by a transport CA), each named by its issuer and serial
 * number. The handshake consults it for every new connection; {@link #replace} swaps in newly
 * read lists without a restart, so a reloaded CRL refuses the next connection of a revoked peer.
 * Whoever fills it has verified each list's signature by its CA.
 */
public final class CertificateRevocations {
  /** A revoked certificate: its issuer's name and its serial number, unique per issuer. */
  public record Revoked(X500Principal issuer, BigInteger serial) {
    public Revoked {
      Objects.requireNonNull(issuer, "revoked.issuer");
      Objects.requireNonNull(serial, "revoked.serial");
    }

    static Revoked of(X509Certificate certificate) {
      return new Revoked(certificate.getIssuerX500Principal(), certificate.getSerialNumber());
    }
  }

  /** The two lists of one moment, swapped as one. */
  private record Lists(Set<Revoked> nodes, Set<Revoked> transport) {}

  private volatile Lists lists;

  private CertificateRevocations(Set<Revoked> nodes, Set<Revoked> transport) {
    this.lists = new Lists(Set.copyOf(nodes), Set.copyOf(transport));
  }

  /** Nothing revoked (a network without CRLs). */
  public static CertificateRevocations none() {
    return new CertificateRevocations(Set.of(), Set.of());
  }

  /** Starts with these revoked node and transport certificates. */
  public static CertificateRevocations of(Set<Revoked> nodes, Set<Revoked> transport) {
    return new CertificateRevocations(nodes, transport);
  }

  /** Replaces both lists at once; connections from here on are checked against the new ones. */
  public void replace(Set<Revoked> nodes, Set<Revoked> transport) {
    lists = new Lists(Set.copyOf(nodes), Set.copyOf(transport));
  }

  /** How many node and transport certificates are revoked now. */
  public int size() {
    Lists current = lists;
    return current.nodes().size() + current.transport().size();
  }

  /** The revoked node certificates now. */
  public Set<Revoked> nodeSerials() {
    return lists.nodes();
  }

  /** The revoked transport certificates now. */
  public Set<Revoked> transportSerials() {
    return lists.transport();
  }

  boolean nodeRevoked(X509Certificate certificate) {
    return lists.nodes().contains(Revoked.of(certificate));
  }

  boolean transportRevoked(X509Certificate certificate) {
    return lists.transport().contains(Revoked.of(certificate));
  }
}
