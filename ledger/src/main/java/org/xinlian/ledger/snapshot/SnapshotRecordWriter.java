package org.xinlian.ledger.snapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32C;
import org.xinlian.common.Invariants;

/**
 * Frames records (SNAPSHOT-2): type, length, body, CRC-32C; feeds every byte to the SHA-256 of the
 * trailer. Holds one buffer, whatever the size of the snapshot.
 */
final class SnapshotRecordWriter {
  private static final int BUFFER_BYTES = 1 << 16;

  private final OutputStream out;
  private final MessageDigest sha256 = sha256();
  private final CRC32C crc = new CRC32C();
  private final ByteBuffer prefix = ByteBuffer.allocate(SnapshotFormat.RECORD_PREFIX_BYTES);
  private final ByteBuffer suffix = ByteBuffer.allocate(SnapshotFormat.RECORD_CHECKSUM_BYTES);
  private long bytes;
  private boolean finished;

  /** Starts a snapshot file: writes the magic and format version (SNAPSHOT-1). */
  SnapshotRecordWriter(OutputStream out) {
    this.out = new BufferedOutputStream(out, BUFFER_BYTES);
    writeDigested(SnapshotFormat.MAGIC, 0, SnapshotFormat.MAGIC.length);
    byte[] version = ByteBuffer.allocate(Integer.BYTES).putInt(SnapshotFormat.FORMAT_VERSION).array();
    writeDigested(version, 0, version.length);
  }

  /** One record whose body is {@code first ‖ second} (either may be empty). */
  void write(byte type, byte[] first, byte[] second) {
    Invariants.check(!finished, "snapshot record after the trailer");
    int length = first.length + second.length;
    Invariants.check(
        length <= SnapshotFormat.RECORD_BYTES_MAX, "snapshot record of %s bytes", length);
    prefix.clear();
    prefix.put(type).putInt(length);
    crc.reset();
    crc.update(prefix.array(), 0, prefix.capacity());
    crc.update(first, 0, first.length);
    crc.update(second, 0, second.length);
    suffix.clear();
    suffix.putInt((int) crc.getValue());
    writeDigested(prefix.array(), 0, prefix.capacity());
    writeDigested(first, 0, first.length);
    writeDigested(second, 0, second.length);
    writeDigested(suffix.array(), 0, suffix.capacity());
  }

  /** Writes the SHA-256 trailer and flushes; returns the file size. */
  long finish() {
    finished = true;
    byte[] digest = sha256.digest();
    try {
      out.write(digest);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the snapshot: " + e.getMessage(), e);
    }
    bytes += digest.length;
    return bytes;
  }

  long bytes() {
    return bytes;
  }

  private void writeDigested(byte[] data, int offset, int length) {
    try {
      out.write(data, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the snapshot: " + e.getMessage(), e);
    }
    sha256.update(data, offset, length);
    bytes += length;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
