package org.xinlian.trie;

import java.util.Arrays;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Invariants;

/**
 * Paths as arrays of nibbles (one 4-bit value per byte) and their hex-prefix encoding (yellow
 * paper, appendix C). Trie branching is per nibble, so working in nibbles keeps the node logic
 * free of half-byte arithmetic; the compact form is used only inside node encodings.
 */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private static final int FLAG_ODD = 1;
  private static final int FLAG_LEAF = 2;
  private static final int FLAG_MAX = 3;

  private Nibbles() {}

  static byte[] fromBytes(byte[] key) {
    byte[] nibbles = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      nibbles[2 * i] = (byte) ((key[i] >>> 4) & 0x0f);
      nibbles[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return nibbles;
  }

  /** The key bytes of a full path; every key the trie stores has a whole number of bytes. */
  static byte[] toBytes(byte[] nibbles) {
    Invariants.check((nibbles.length & 1) == 0, "trie: odd-length key path");
    byte[] bytes = new byte[nibbles.length / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return bytes;
  }

  /** Length of the common prefix of {@code a} and {@code b[bFrom..]}. */
  static int commonPrefix(byte[] a, byte[] b, int bFrom) {
    int limit = Math.min(a.length, b.length - bFrom);
    int i = 0;
    while (i < limit && a[i] == b[bFrom + i]) {
      i++;
    }
    return i;
  }

  /** Whether {@code b[bFrom..]} starts with all of {@code prefix}. */
  static boolean startsWith(byte[] b, int bFrom, byte[] prefix) {
    return b.length - bFrom >= prefix.length && commonPrefix(prefix, b, bFrom) == prefix.length;
  }

  static byte[] slice(byte[] nibbles, int from, int to) {
    return from == to ? EMPTY : Arrays.copyOfRange(nibbles, from, to);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  static byte[] append(byte[] path, int nibble) {
    byte[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = (byte) nibble;
    return out;
  }

  /** Hex-prefix encoding: a flag nibble (leaf, odd length), a pad nibble if even, the path. */
  static byte[] compact(byte[] path, boolean leaf) {
    boolean odd = (path.length & 1) == 1;
    int flag = (leaf ? FLAG_LEAF : 0) | (odd ? FLAG_ODD : 0);
    byte[] out = new byte[path.length / 2 + 1];
    int next = 0;
    if (odd) {
      out[0] = (byte) (flag << 4 | path[0]);
      next = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = 1; i < out.length; i++) {
      out[i] = (byte) (path[next] << 4 | path[next + 1]);
      next += 2;
    }
    return out;
  }

  /** A decoded hex-prefix path. */
  record Compact(byte[] path, boolean leaf) {}

  /** Strict inverse of {@link #compact}: unknown flags and a non-zero pad nibble are rejected. */
  static Compact decodeCompact(byte[] compact, String field) {
    if (compact.length == 0) {
      throw new DecodingException(field, "empty hex-prefix path");
    }
    int flag = (compact[0] >>> 4) & 0x0f;
    if (flag > FLAG_MAX) {
      throw new DecodingException(field, "hex-prefix flag " + flag + " is not 0 to 3");
    }
    boolean odd = (flag & FLAG_ODD) != 0;
    if (!odd && (compact[0] & 0x0f) != 0) {
      throw new DecodingException(field, "hex-prefix padding nibble is not zero");
    }
    int length = (compact.length - 1) * 2 + (odd ? 1 : 0);
    byte[] path = new byte[length];
    int next = 0;
    if (odd) {
      path[next++] = (byte) (compact[0] & 0x0f);
    }
    for (int i = 1; i < compact.length; i++) {
      path[next++] = (byte) ((compact[i] >>> 4) & 0x0f);
      path[next++] = (byte) (compact[i] & 0x0f);
    }
    return new Compact(path, (flag & FLAG_LEAF) != 0);
  }

  /** Unsigned lexicographic order, which for whole-byte paths is the order of the keys. */
  static int compare(byte[] a, byte[] b) {
    return Arrays.compare(a, b);
  }
}
