package org.xinlian.ledger.snapshot;

/**
 * How far an export or import has come. Hashed addresses are uniform, so the first four bytes of
 * the current one, as a fraction of 2^32, estimate the share of accounts already done without
 * knowing their number in advance.
 *
 * @param percent 0 to 100, estimated from the current hashed address
 * @param accounts accounts done so far
 * @param slots storage slots done so far
 * @param codes distinct contract codes done so far
 * @param bytes bytes of the file written or read so far
 */
public record SnapshotProgress(int percent, long accounts, long slots, long codes, long bytes) {
  /** Percent of the key space before {@code hashedAddress} (its first four bytes over 2^32). */
  static int percentOf(byte[] hashedAddress) {
    long prefix = 0;
    for (int index = 0; index < Integer.BYTES; index++) {
      prefix = (prefix << 8) | (hashedAddress[index] & 0xff);
    }
    return (int) ((prefix * 100) >>> 32);
  }
}
