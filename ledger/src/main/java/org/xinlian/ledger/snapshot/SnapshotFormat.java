package org.xinlian.ledger.snapshot;

import java.nio.charset.StandardCharsets;
import org.xinlian.common.Hash;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.interpreter.Gas;
import org.xinlian.types.block.BlockHeader;

/**
 * Constants of the snapshot file format (docs/spec/snapshot.md). Every length read from a file is
 * checked against one of these bounds before anything is allocated, so a hostile or damaged file
 * cannot make the importer allocate more than {@link #RECORD_BYTES_MAX}.
 */
public final class SnapshotFormat {
  /** First bytes of every snapshot file (SNAPSHOT-1); CR LF catches text-mode transfers. */
  static final byte[] MAGIC = "XLSNAP\r\n".getBytes(StandardCharsets.US_ASCII);
  /** The format version this code writes and the only one it reads. */
  public static final int FORMAT_VERSION = 1;

  static final byte RECORD_HEADER = 1;
  static final byte RECORD_CODE = 2;
  static final byte RECORD_ACCOUNT = 3;
  static final byte RECORD_SLOT = 4;
  static final byte RECORD_END = 5;

  /** Type byte and 4-byte length before a record's body. */
  static final int RECORD_PREFIX_BYTES = 1 + Integer.BYTES;
  /** CRC-32C after a record's body. */
  static final int RECORD_CHECKSUM_BYTES = Integer.BYTES;
  /** SHA-256 trailer after the end record. */
  static final int TRAILER_BYTES = 32;

  /**
   * Largest contract code: twice the EIP-170 limit, so code placed directly in a genesis
   * allocation (which skips the deployment limit) up to the EIP-3860 init code size still fits.
   */
  public static final int CODE_BYTES_MAX = 2 * Gas.CODE_BYTES_MAX;
  /** rlp([nonce ≤ 8 bytes, balance ≤ 32 bytes, storageRoot, codeHash]) is at most 111 bytes. */
  public static final int ACCOUNT_RLP_BYTES_MAX = 128;
  /** rlp of a non-zero 256-bit value: at most a one-byte prefix and 32 bytes. */
  public static final int SLOT_VALUE_RLP_BYTES_MAX = 1 + 32;
  /** A header with the largest commit certificate and extra data, with room to spare. */
  public static final int HEADER_ENCODING_BYTES_MAX = BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX + 4096;
  /** Largest record body: a code record (hash and code) or a header record, whichever is larger. */
  public static final int RECORD_BYTES_MAX =
      Math.max(Hash.LENGTH + CODE_BYTES_MAX, HEADER_ENCODING_BYTES_MAX + 256);

  /** Keccak-256 of empty code: the code hash of every account without code, which has no record. */
  static final Hash EMPTY_CODE_HASH = Hash.wrap(Keccak256.hash(new byte[0]));

  private SnapshotFormat() {}

  static String recordName(byte type) {
    return switch (type) {
      case RECORD_HEADER -> "header record";
      case RECORD_CODE -> "code record";
      case RECORD_ACCOUNT -> "account record";
      case RECORD_SLOT -> "slot record";
      case RECORD_END -> "end record";
      default -> "record of unknown type " + (type & 0xff);
    };
  }
}
