package org.xinlian.crypto.keystore;

import org.xinlian.common.DecodingException;

/**
 * Bounds on key-derivation parameters. A key file is untrusted input: without bounds, a file with
 * n = 2^30 would make the node allocate 128 GiB or spin for hours before the password is even
 * checked. The bounds admit every parameter set Ethereum tools write (geth's standard n = 2^18,
 * r = 8, p = 1 and the Web3 Secret Storage test vector's n = 2^18, r = 1, p = 8).
 */
final class ScryptLimits {
  /** Largest accepted scrypt n. */
  static final int SCRYPT_N_MAX = 1 << 20;

  /** Largest accepted scrypt r. */
  static final int SCRYPT_R_MAX = 32;

  /** Largest accepted scrypt p. */
  static final int SCRYPT_P_MAX = 16;

  /** scrypt needs 128 * n * r bytes of memory; geth's standard parameters need exactly this. */
  static final long SCRYPT_MEMORY_BYTES_MAX = 256L << 20;

  /** Bound on n * r * p, the number of 128-byte block mixes: twice geth's standard cost. */
  static final long SCRYPT_WORK_BLOCKS_MAX = 1L << 22;

  /** Largest accepted PBKDF2 iteration count: 16 times the Web3 test vector's 262144. */
  static final int PBKDF2_ITERATIONS_MAX = 1 << 22;

  /** The derived key must cover the cipher key (bytes 0..16) and the MAC key (bytes 16..32). */
  static final int DERIVED_KEY_BYTES_MIN = 32;

  /** Longer derived keys are legal in Web3 Secret Storage but unused; bound them anyway. */
  static final int DERIVED_KEY_BYTES_MAX = 64;

  /** Salts of common tools are 16 or 32 bytes. */
  static final int SALT_BYTES_MAX = 128;

  private ScryptLimits() {}

  /** Rejects out-of-range scrypt parameters, naming {@code field} (a JSON path or a parameter). */
  static void check(String field, long n, long r, long p) {
    if (n < 2 || n > SCRYPT_N_MAX || (n & (n - 1)) != 0) {
      throw new DecodingException(
          field + ".n", "must be a power of two between 2 and " + SCRYPT_N_MAX + " but is " + n);
    }
    if (r < 1 || r > SCRYPT_R_MAX) {
      throw new DecodingException(
          field + ".r", "must be between 1 and " + SCRYPT_R_MAX + " but is " + r);
    }
    if (p < 1 || p > SCRYPT_P_MAX) {
      throw new DecodingException(
          field + ".p", "must be between 1 and " + SCRYPT_P_MAX + " but is " + p);
    }
    if (128 * n * r > SCRYPT_MEMORY_BYTES_MAX) {
      throw new DecodingException(
          field,
          "n * r needs " + ((128 * n * r) >> 20) + " MiB, more than the "
              + (SCRYPT_MEMORY_BYTES_MAX >> 20) + " MiB limit");
    }
    if (n * r * p > SCRYPT_WORK_BLOCKS_MAX) {
      throw new DecodingException(
          field, "n * r * p = " + (n * r * p) + " exceeds the limit " + SCRYPT_WORK_BLOCKS_MAX);
    }
  }
}
