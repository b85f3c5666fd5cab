package org.xinlian.crypto;

import java.util.List;

/**
 * Looks up a suite by the name a genesis or key file gives. Each call returns a new stateless
 * value; nothing here is "the" suite of the process.
 */
public final class CryptoSuites {
  public static final String STANDARD = "standard";
  public static final String GM = "gm";

  private CryptoSuites() {}

  public static CryptoSuite standard() {
    return new org.xinlian.crypto.standard.StandardSuite();
  }

  public static CryptoSuite gm() {
    return new org.xinlian.crypto.gm.GmSuite();
  }

  /**
   * Keys and certificates of the P2P transport layer (P-256), the same for both suites
   * (docs/adr/0008-p2p-tls-and-gm.md).
   */
  public static TransportCertificates transport() {
    return new org.xinlian.crypto.internal.P256TransportCertificates();
  }

  /** The names accepted by {@link #byName}. */
  public static List<String> names() {
    return List.of(STANDARD, GM);
  }

  /** The suite with this name; anything else is rejected with the list of valid names. */
  public static CryptoSuite byName(String name) {
    if (STANDARD.equals(name)) {
      return standard();
    }
    if (GM.equals(name)) {
      return gm();
    }
    throw new IllegalArgumentException(
        "suite: unknown crypto suite '" + name + "' (expected one of " + names() + ")");
  }
}
