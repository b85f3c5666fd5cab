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
    throw new UnsupportedOperationException("gm suite not yet implemented");
  }

  /**
   * secp256k1 public-key recovery as the EVM's ecrecover precompile (address 0x01) needs it: high s
   * is accepted, because Ethereum made low s mandatory only for transactions (EIP-2). Callers
   * outside the crypto module cannot reach the standard suite's class, so this is its door.
   * Empty when r or s is outside [1, n - 1], the recovery id is not 0..3, or no key recovers.
   */
  public static java.util.Optional<PublicKey> recoverAllowingHighS(
      byte[] digest, java.math.BigInteger r, java.math.BigInteger s, int recoveryId) {
    return new org.xinlian.crypto.standard.StandardSuite()
        .recoverAllowingHighS(digest, r, s, recoveryId);
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
