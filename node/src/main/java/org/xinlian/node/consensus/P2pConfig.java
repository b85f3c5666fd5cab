package org.xinlian.node.consensus;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.network.PeerAddress;
import org.xinlian.network.TransportLimits;

/**
 * The P2P section (docs/spec/node.md NODE-1, docs/spec/network.md): the transport's listen
 * address, static peers, and the PEM files of the node's two certified identities.
 *
 * @param host interface the P2P transport binds
 * @param port 0 to 65535; 0 picks a free port (tests)
 * @param peers static peers, dialed at start and redialed with backoff
 * @param nodeCertificateFile the node key's certificate, issued by the consortium CA
 * @param consortiumCaFile the consortium CA certificates (suite curve) a peer's node certificate
 *     must chain to: one, or a PEM bundle of one per organisation (GOV-1)
 * @param transportKeyFile the TLS private key (PKCS#8 PEM): P-256, or SM2 on gm chains (RFC 8998)
 * @param transportCertificateFile the TLS certificate, issued by the transport CA
 * @param transportCaFile the transport CA certificates: one, or a bundle of one per organisation
 * @param allowedNodes node addresses admitted at the handshake; absent means the genesis
 *     validators. Validators the chain schedules later are admitted besides (docs/adr/0009); on
 *     an open chain an observer must be listed explicitly on the nodes it connects to, on a
 *     permissioned one governance admits and revokes members at run time (NODE-23)
 * @param limits the transport's bounds: peers, handshakes, per-address connections and rate,
 *     handshake timeout, refusal log interval (docs/spec/network.md NETWORK-17 to NETWORK-21)
 */
public record P2pConfig(
    String host,
    int port,
    List<PeerAddress> peers,
    Path nodeCertificateFile,
    Path consortiumCaFile,
    Path transportKeyFile,
    Path transportCertificateFile,
    Path transportCaFile,
    Optional<List<Address>> allowedNodes,
    TransportLimits limits) {
  public P2pConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("p2p.host: required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("p2p.port: must be 0 to 65535, got " + port);
    }
    peers = List.copyOf(peers);
    Objects.requireNonNull(nodeCertificateFile, "p2p.nodeCertificateFile");
    Objects.requireNonNull(consortiumCaFile, "p2p.consortiumCaFile");
    Objects.requireNonNull(transportKeyFile, "p2p.transportKeyFile");
    Objects.requireNonNull(transportCertificateFile, "p2p.transportCertificateFile");
    Objects.requireNonNull(transportCaFile, "p2p.transportCaFile");
    allowedNodes = allowedNodes.map(List::copyOf);
    Objects.requireNonNull(limits, "p2p.limits");
  }
}
