package org.xinlian.ledger.snapshot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads records back (SNAPSHOT-2): checks each length against its bound before allocating, each
 * CRC-32C, and at the end the SHA-256 trailer and end of file. Every failure is a
 * {@link SnapshotFormatException} carrying the offset of the record at fault.
 */
final class SnapshotRecordReader {
  private static final int BUFFER_BYTES = 1 << 16;

  /** A record and where it starts in the file. */
  record Record(byte type, byte[] body, long offset) {
    String name() {
      return SnapshotFormat.recordName(type);
    }
  }

  private final InputStream in;
  private final MessageDigest sha256 = SnapshotRecordWriter.sha256();
  private final CRC32C crc = new CRC32C();
  private final byte[] prefix = new byte[SnapshotFormat.RECORD_PREFIX_BYTES];
  private final byte[] suffix = new byte[SnapshotFormat.RECORD_CHECKSUM_BYTES];
  private long offset;

  /** Reads and checks the magic and format version (SNAPSHOT-1). */
  SnapshotRecordReader(InputStream in) {
    this.in = new BufferedInputStream(in, BUFFER_BYTES);
    byte[] magic = new byte[SnapshotFormat.MAGIC.length];
    readFully(magic, "magic", 0);
    if (!Arrays.equals(magic, SnapshotFormat.MAGIC)) {
      throw new SnapshotFormatException(0, "magic", "not a Xinlian snapshot file");
    }
    byte[] version = new byte[Integer.BYTES];
    long versionOffset = offset;
    readFully(version, "version", versionOffset);
    int found = ByteBuffer.wrap(version).getInt();
    if (found != SnapshotFormat.FORMAT_VERSION) {
      throw new SnapshotFormatException(
          versionOffset, "version",
          "format version " + Integer.toUnsignedString(found) + " is not supported (this node reads "
              + SnapshotFormat.FORMAT_VERSION + ")");
    }
  }

  /** Bytes consumed so far. */
  long offset() {
    return offset;
  }

  Record next() {
    long start = offset;
    readFully(prefix, "record", start);
    int length = ByteBuffer.wrap(prefix, 1, Integer.BYTES).getInt();
    if (length < 0 || length > SnapshotFormat.RECORD_BYTES_MAX) {
      throw new SnapshotFormatException(
          start, "record",
          "length " + Integer.toUnsignedString(length) + " exceeds the limit of "
              + SnapshotFormat.RECORD_BYTES_MAX + " bytes");
    }
    byte[] body = new byte[length];
    readFully(body, "record", start);
    readFully(suffix, "record", start);
    crc.reset();
    crc.update(prefix);
    crc.update(body);
    if ((int) crc.getValue() != ByteBuffer.wrap(suffix).getInt()) {
      throw new SnapshotFormatException(
          start, "record", "checksum mismatch: the file is corrupt");
    }
    return new Record(prefix[0], body, start);
  }

  /** Checks the SHA-256 trailer over everything read so far, and that nothing follows it. */
  void finish() {
    long start = offset;
    byte[] expected = sha256.digest();
    byte[] trailer = new byte[SnapshotFormat.TRAILER_BYTES];
    readFully(trailer, "checksum", start);
    if (!MessageDigest.isEqual(expected, trailer)) {
      throw new SnapshotFormatException(
          start, "checksum", "SHA-256 of the file does not match its trailer: the file is corrupt");
    }
    int extra;
    try {
      extra = in.read();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the snapshot: " + e.getMessage(), e);
    }
    if (extra != -1) {
      throw new SnapshotFormatException(
          offset, "checksum", "unexpected bytes after the checksum trailer");
    }
  }

  /** Reads exactly {@code target.length} bytes into the digest; a short read is truncation. */
  private void readFully(byte[] target, String field, long recordOffset) {
    int done = 0;
    try {
      while (done < target.length) {
        int read = in.read(target, done, target.length - done);
        if (read < 0) {
          throw new SnapshotFormatException(
              recordOffset, field,
              "file truncated: it ends at byte " + (offset + done) + " inside this "
                  + (field.equals("record") ? "record" : field));
        }
        done += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the snapshot: " + e.getMessage(), e);
    } finally {
      // The trailer itself is not part of what it digests.
      if (!field.equals("checksum")) {
        sha256.update(target, 0, done);
      }
      offset += done;
    }
  }
}
