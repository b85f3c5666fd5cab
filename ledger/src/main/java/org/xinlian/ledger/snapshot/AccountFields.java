package org.xinlian.ledger.snapshot;

import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.types.rlp.RlpReader;

/**
 * The two fields of an account encoding that point elsewhere: its storage trie and its code. The
 * whole encoding is checked (SNAPSHOT-5) so that a snapshot cannot plant a value no state reader
 * could decode, even under a matching root.
 */
record AccountFields(Hash storageRoot, Hash codeHash) {
  private static final int BALANCE_BYTES_MAX = 32;
  private static final int SLOT_VALUE_BYTES_MAX = 32;

  /** Decodes {@code rlp([nonce, balance, storageRoot, codeHash])}, canonical and nothing more. */
  static AccountFields decode(byte[] encoded, String field) {
    if (encoded.length > SnapshotFormat.ACCOUNT_RLP_BYTES_MAX) {
      throw new DecodingException(
          field, encoded.length + " bytes exceed the limit of " + SnapshotFormat.ACCOUNT_RLP_BYTES_MAX);
    }
    RlpReader fields = RlpReader.ofList(encoded, field);
    fields.readUnsignedLong(field + ".nonce");
    fields.readBigInteger(field + ".balance", BALANCE_BYTES_MAX);
    Hash storageRoot = fields.readHash(field + ".storageRoot");
    Hash codeHash = fields.readHash(field + ".codeHash");
    fields.requireEnd(field);
    return new AccountFields(storageRoot, codeHash);
  }

  /** Checks a storage value: rlp of a non-zero 256-bit number without leading zeros. */
  static void checkSlotValue(byte[] encoded, String field) {
    if (encoded.length > SnapshotFormat.SLOT_VALUE_RLP_BYTES_MAX) {
      throw new DecodingException(
          field, encoded.length + " bytes exceed the limit of " + SnapshotFormat.SLOT_VALUE_RLP_BYTES_MAX);
    }
    RlpReader reader = RlpReader.of(encoded, field);
    byte[] value = reader.readBytesAtMost(field, SLOT_VALUE_BYTES_MAX);
    reader.requireEnd(field);
    if (value.length == 0 || value[0] == 0) {
      throw new DecodingException(
          field, "a stored value must be non-zero and without leading zero bytes");
    }
  }
}
