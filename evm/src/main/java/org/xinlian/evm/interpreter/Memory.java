package org.xinlian.evm.interpreter;

import java.util.Arrays;
import org.xinlian.evm.word.UInt256;

/**
 * Byte-addressed frame memory that grows in 32-byte words. Growth is priced by the caller through
 * {@link MessageFrame#expandMemory}; this class only stores bytes.
 */
final class Memory {
  private byte[] data = new byte[0];
  private long words;

  long words() {
    return words;
  }

  long sizeBytes() {
    return words * 32;
  }

  /** Grows to at least {@code newWords} words (zero-filled). */
  void ensureWords(long newWords) {
    if (newWords <= words) {
      return;
    }
    int newBytes = Math.toIntExact(newWords * 32);
    if (newBytes > data.length) {
      // Grow geometrically so word-by-word expansion stays linear; never past the frame's cap.
      long doubled = Math.min(2L * data.length, MessageFrame.MEMORY_BYTES_MAX);
      data = Arrays.copyOf(data, (int) Math.max(newBytes, doubled));
    }
    words = newWords;
  }

  UInt256 loadWord(int offset) {
    return UInt256.fromBytes(data, offset, 32);
  }

  void storeWord(int offset, UInt256 value) {
    value.toBytes(data, offset);
  }

  void storeByte(int offset, byte value) {
    data[offset] = value;
  }

  byte[] read(int offset, int length) {
    return Arrays.copyOfRange(data, offset, offset + length);
  }

  /** Writes {@code length} bytes from {@code source[sourceOffset..]}, zero-padding past its end. */
  void writePadded(int offset, byte[] source, long sourceOffset, int length) {
    int available = sourceOffset >= source.length ? 0 : (int) Math.min(length, source.length - sourceOffset);
    if (available > 0) {
      System.arraycopy(source, (int) sourceOffset, data, offset, available);
    }
    Arrays.fill(data, offset + available, offset + length, (byte) 0);
  }

  /** MCOPY: copies within memory, overlapping regions handled as memmove (EIP-5656). */
  void copyWithin(int destination, int source, int length) {
    System.arraycopy(data, source, data, destination, length);
  }
}
