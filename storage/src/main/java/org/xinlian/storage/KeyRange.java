package org.xinlian.storage;

/**
 * The keys {@code fromInclusive <= key < toExclusive} in unsigned-byte order; a null bound is open.
 *
 * @param fromInclusive the first key to visit, or null for the start of the namespace
 * @param toExclusive the first key not to visit, or null for the end of the namespace
 */
public record KeyRange(byte[] fromInclusive, byte[] toExclusive) {
  public static final KeyRange ALL = new KeyRange(null, null);

  /**
   * Whether no key can be in this range (its end is not after its start), so that both stores
   * answer an inverted range with no entries instead of each failing in its own way.
   */
  public boolean isEmpty() {
    return fromInclusive != null && toExclusive != null
        && java.util.Arrays.compareUnsigned(fromInclusive, toExclusive) >= 0;
  }

  /** Every key that starts with {@code prefix}. */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(prefix.clone(), successorOfPrefix(prefix));
  }

  /** The smallest key greater than every key starting with {@code prefix}; null if none exists. */
  private static byte[] successorOfPrefix(byte[] prefix) {
    byte[] end = prefix.clone();
    for (int index = end.length - 1; index >= 0; index--) {
      if (end[index] != (byte) 0xff) {
        end[index]++;
        return java.util.Arrays.copyOf(end, index + 1);
      }
    }
    return null;
  }
}
