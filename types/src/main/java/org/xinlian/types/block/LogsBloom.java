package org.xinlian.types.block;

import java.util.Arrays;
import java.util.List;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.Keccak256;

/**
 * Ethereum's 2048-bit logs bloom (yellow paper, section 4.3.1): each log address and topic sets
 * three bits chosen by the first six bytes of its Keccak-256. Keccak is used on gm chains too, so
 * that wallets, indexers and {@code eth_getLogs} clients that test blooms themselves keep working
 * (docs/spec/types.md TYPES-22).
 */
public final class LogsBloom {
  public static final int LENGTH = 256;
  public static final LogsBloom EMPTY = new LogsBloom(new byte[LENGTH]);

  private static final int BIT_INDEX_MASK = 2047;

  private final byte[] bits;

  private LogsBloom(byte[] bits) {
    this.bits = bits;
  }

  /** A bloom from its 256 bytes. */
  public static LogsBloom wrap(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new DecodingException(
          "logsBloom", "expected 256 bytes but got " + (bytes == null ? 0 : bytes.length));
    }
    return new LogsBloom(bytes.clone());
  }

  /** The bloom of a list of logs: every address and every topic. */
  public static LogsBloom of(List<Log> logs) {
    byte[] bits = new byte[LENGTH];
    for (Log log : logs) {
      add(bits, log.address().toArray());
      for (Hash topic : log.topics()) {
        add(bits, topic.toArray());
      }
    }
    return new LogsBloom(bits);
  }

  /** This bloom with {@code value} added. */
  public LogsBloom with(byte[] value) {
    byte[] copy = bits.clone();
    add(copy, value);
    return new LogsBloom(copy);
  }

  /** The union of two blooms: a block's bloom is the union of its receipts' blooms. */
  public LogsBloom or(LogsBloom other) {
    byte[] copy = bits.clone();
    for (int i = 0; i < LENGTH; i++) {
      copy[i] |= other.bits[i];
    }
    return new LogsBloom(copy);
  }

  /** False means {@code value} was certainly never added; true means it may have been. */
  public boolean mightContain(byte[] value) {
    byte[] probe = new byte[LENGTH];
    add(probe, value);
    for (int i = 0; i < LENGTH; i++) {
      if ((bits[i] & probe[i]) != probe[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The three bits {@code value} sets, computed once (one Keccak-256), to test against many
   * blooms: a log query tests each of its addresses and topics against every block's bloom.
   */
  public static Probe probe(byte[] value) {
    byte[] hash = Keccak256.hash(value);
    int[] bytes = new int[3];
    byte[] masks = new byte[3];
    for (int i = 0; i < 3; i++) {
      int bit = (((hash[2 * i] & 0xff) << 8) | (hash[2 * i + 1] & 0xff)) & BIT_INDEX_MASK;
      bytes[i] = LENGTH - 1 - bit / 8;
      masks[i] = (byte) (1 << (bit % 8));
    }
    return new Probe(bytes, masks);
  }

  /** As {@link #mightContain(byte[])} for a value probed once: three bit tests, no hashing. */
  public boolean mightContain(Probe probe) {
    for (int i = 0; i < 3; i++) {
      if ((bits[probe.bytes[i]] & probe.masks[i]) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The bits one value sets in a bloom (see {@link #probe}). */
  public static final class Probe {
    private final int[] bytes;
    private final byte[] masks;

    private Probe(int[] bytes, byte[] masks) {
      this.bytes = bytes;
      this.masks = masks;
    }
  }

  public byte[] toArray() {
    return bits.clone();
  }

  private static void add(byte[] bits, byte[] value) {
    byte[] hash = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & BIT_INDEX_MASK;
      bits[LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogsBloom bloom && Arrays.equals(bits, bloom.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return Hex.encode(bits);
  }
}
