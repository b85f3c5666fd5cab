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
   * Keys and certificates of the P2P transport layer on P-256 (docs/adr/0008-p2p-tls-and-gm.md):
   * the standard chains' transport. Code that serves either suite uses {@link
   * #transport(CryptoSuite)}.
   */
  public static TransportCertificates transport() {
    return new org.xinlian.crypto.internal.P256TransportCertificates();
  }

  /**
   * The transport keys and certificates of a chain on {@code suite}: P-256 for the JDK's TLS 1.3
   * on standard chains, SM2 for RFC 8998 TLS 1.3 on gm chains (docs/adr/0015-gm-tls-rfc8998.md).
   */
  public static TransportCertificates transport(CryptoSuite suite) {
    return GM.equals(suite.name())
        ? new org.xinlian.crypto.internal.Sm2TransportCertificates()
        : transport();
  }

  /** RFC 8998 TLS 1.3, the TLS of gm chains (docs/adr/0015-gm-tls-rfc8998.md). */
  public static Rfc8998Tls rfc8998Tls() {
    return new org.xinlian.crypto.internal.BcRfc8998Tls();
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
