package org.xinlian.ledger.snapshot;

import org.xinlian.common.DecodingException;

/**
 * A snapshot file that is not a well-formed snapshot: wrong magic or version, a record whose
 * checksum fails, a length over its bound, a truncated file, records out of order. The byte
 * offset of the record at fault is part of the message, so an operator can tell a cut-off
 * download (offset = file size) from a flipped bit in the middle.
 */
public final class SnapshotFormatException extends DecodingException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public SnapshotFormatException(long offset, String field, String problem) {
    super("snapshot " + field, problem + " (at byte offset " + offset + ")");
    this.offset = offset;
  }

  public SnapshotFormatException(long offset, String field, String problem, Throwable cause) {
    super("snapshot " + field, problem + " (at byte offset " + offset + ")", cause);
    this.offset = offset;
  }

  /** Offset in the file of the record (or field) at fault. */
  public long offset() {
    return offset;
  }
}
