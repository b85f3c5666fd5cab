package org.xinlian.common;

/**
 * A 32-byte digest: Keccak-256 on standard chains, SM3 on gm chains. The value does not record
 * which; the chain's crypto suite decides what a hash means.
 */
public final class Hash extends FixedBytes implements Comparable<Hash> {
  public static final int LENGTH = 32;
  public static final Hash ZERO = new Hash(new byte[LENGTH]);

  private Hash(byte[] bytes) {
    super("hash", bytes, LENGTH);
  }

  public static Hash wrap(byte[] bytes) {
    return new Hash(bytes);
  }

  /** Parses 64 hex digits, with or without {@code 0x}. */
  public static Hash fromHex(String hex) {
    byte[] bytes = Hex.decode("hash", hex);
    if (bytes.length != LENGTH) {
      throw new DecodingException("hash", "expected 32 bytes but got " + bytes.length);
    }
    return new Hash(bytes);
  }

  @Override
  public int compareTo(Hash other) {
    return java.util.Arrays.compareUnsigned(bytes, other.bytes);
  }
}
