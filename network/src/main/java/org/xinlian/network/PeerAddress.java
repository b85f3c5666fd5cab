package org.xinlian.network;

/** Where a static peer listens, as written in a node's configuration. */
public record PeerAddress(String host, int port) {
  public PeerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("peerAddress.host: required");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("peerAddress.port: must be in [1, 65535], got " + port);
    }
  }

  /** Parses {@code host:port}. */
  public static PeerAddress parse(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("peerAddress: expected host:port, got '" + text + "'");
    }
    try {
      return new PeerAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("peerAddress.port: not a number in '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
