package org.xinlian.crypto.keystore;

/**
 * How hard {@link KeyFile#encrypt} makes a password to guess: the scrypt cost parameters. The
 * default is Ethereum's "standard" scrypt (geth, ethers.js, web3j): about a second and 256 MiB per
 * attempt, which is what makes a stolen key file expensive to brute-force. Tests use {@link
 * #light} so they stay fast; never use it for real keys.
 *
 * @param scryptN CPU/memory cost, a power of two
 * @param scryptR block size
 * @param scryptP parallelism
 */
public record KeyFileParameters(int scryptN, int scryptR, int scryptP) {
  /** Ethereum's standard scrypt parameters: n = 2^18, r = 8, p = 1. */
  public static final KeyFileParameters DEFAULT = new KeyFileParameters(1 << 18, 8, 1);

  public KeyFileParameters {
    ScryptLimits.check("scryptParameters", scryptN, scryptR, scryptP);
  }

  /** Cheap parameters (n = 2^10, r = 8, p = 1) for tests; ethers.js and geth accept them too. */
  public static KeyFileParameters light() {
    return new KeyFileParameters(1 << 10, 8, 1);
  }
}
