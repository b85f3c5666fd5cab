package org.xinlian.network;

/**
 * Why a connection was refused before it could carry application messages. Operators see these in
 * logs and in {@link TransportMetrics#refusals()}; each names the layer that refused (the TLS
 * transport certificate or the node certificate of the application handshake, see
 * docs/adr/0008-p2p-tls-and-gm.md).
 */
public enum RefusalReason {
  /** The peer presented no TLS certificate. */
  NO_CERTIFICATE,
  /** The TLS certificate is not signed by the consortium's transport CA. */
  TRANSPORT_UNKNOWN_ISSUER,
  /** The TLS certificate's validity ended before now. */
  TRANSPORT_EXPIRED,
  /** The TLS certificate's validity starts after now. */
  TRANSPORT_NOT_YET_VALID,
  /** The TLS certificate is malformed, a CA certificate or not a P-256 key. */
  TRANSPORT_INVALID,
  /** Its transport CA revoked the TLS certificate (the organisation's CRL lists its serial). */
  TRANSPORT_REVOKED,
  /** The node certificate is not signed by the consortium CA (or is for another suite). */
  NODE_UNKNOWN_ISSUER,
  /** The node certificate's validity ended before now. */
  NODE_EXPIRED,
  /** The node certificate's validity starts after now. */
  NODE_NOT_YET_VALID,
  /** The node certificate is malformed or is a CA certificate. */
  NODE_INVALID,
  /** Its consortium CA revoked the node certificate (the organisation's CRL lists its serial). */
  NODE_REVOKED,
  /** The node certificate is valid but its node id is not in the allowed set. */
  NOT_ALLOWED,
  /**
   * The node proved an id that was revoked ({@link SocketTransport#revokePeers}, such as a node
   * governance removed), whatever the allowed set says.
   */
  REVOKED,
  /** The signature over the handshake transcript does not verify with the node certificate. */
  INVALID_PROOF,
  /** The peer is this node itself (a static peer that points back here). */
  SELF_CONNECTION,
  /** A handshake message was malformed or out of order. */
  PROTOCOL_VIOLATION,
  /**
   * An inbound connection from a new peer authenticated while the node already had {@link
   * TransportLimits#peersMax()} peers.
   */
  PEER_LIMIT,
  /**
   * {@link TransportLimits#handshakesMax()} inbound connections were already in their handshake;
   * closed at accept.
   */
  HANDSHAKE_LIMIT,
  /**
   * {@link TransportLimits#handshakesPerAddressMax()} inbound connections from the same address
   * were already in their handshake; closed at accept.
   */
  ADDRESS_HANDSHAKE_LIMIT,
  /**
   * {@link TransportLimits#connectionsPerAddressMax()} inbound connections from the same address
   * were already open; closed at accept.
   */
  ADDRESS_CONNECTION_LIMIT,
  /**
   * The address opened connections faster than {@link TransportLimits#acceptsPerAddressBurstMax()}
   * and one per {@link TransportLimits#acceptsPerAddressRefillMillis()} allow; closed at accept.
   */
  ADDRESS_RATE_LIMIT,
  /** The handshake did not finish in time. */
  HANDSHAKE_TIMEOUT,
  /**
   * The other side refused this node during TLS (it sent an alert); that node's own log and
   * metrics name its reason.
   */
  REFUSED_BY_PEER,
  /** TLS failed for another reason: not TLS at all, no common parameters. */
  TLS_FAILURE
}
