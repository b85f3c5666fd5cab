package org.xinlian.ledger.state;

import java.util.List;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.rlp.RlpReader;

/**
 * An account as the state trie stores it, Ethereum's {@code rlp([nonce, balance, storageRoot,
 * codeHash])}, so roots and proofs of a standard chain equal Ethereum's (STATE-1).
 *
 * @param nonce the nonce, read as an unsigned 64-bit number
 * @param balance the balance in wei
 * @param storageRoot root of the account's storage trie
 * @param codeHash Keccak-256 of the code
 */
public record StateAccount(long nonce, UInt256 balance, Hash storageRoot, Hash codeHash) {
  public StateAccount {
    if (balance == null || storageRoot == null || codeHash == null) {
      throw new IllegalArgumentException("state account: balance, storage root and code hash are required");
    }
  }

  public byte[] encode() {
    return Rlp.encodeList(List.of(
        Rlp.encodeUnsignedLong(nonce),
        Rlp.encodeBytes(balance.toMinimalBytes()),
        Rlp.encodeBytes(storageRoot.toArray()),
        Rlp.encodeBytes(codeHash.toArray())));
  }

  /** Strictly decodes an account encoding (canonical scalars, exactly four fields). */
  public static StateAccount decode(byte[] encoded, String field) {
    if (encoded == null) {
      throw new DecodingException(field, "missing account encoding");
    }
    RlpReader reader = RlpReader.ofList(encoded, field);
    long nonce = reader.readUnsignedLong(field + ".nonce");
    UInt256 balance =
        UInt256.fromBigInteger(reader.readBigInteger(field + ".balance", UInt256.BYTES));
    Hash storageRoot = reader.readHash(field + ".storageRoot");
    Hash codeHash = reader.readHash(field + ".codeHash");
    reader.requireEnd(field);
    return new StateAccount(nonce, balance, storageRoot, codeHash);
  }

  /** A storage value as the storage trie holds it: {@code rlp(minimal big-endian bytes)}. */
  public static byte[] encodeStorageValue(UInt256 value) {
    return Rlp.encodeBytes(value.toMinimalBytes());
  }

  /** Strictly decodes a storage trie value: a canonical non-zero scalar of at most 32 bytes. */
  public static UInt256 decodeStorageValue(byte[] encoded, String field) {
    if (encoded == null) {
      throw new DecodingException(field, "missing storage value");
    }
    RlpReader reader = RlpReader.of(encoded, field);
    UInt256 value = UInt256.fromBigInteger(reader.readBigInteger(field, UInt256.BYTES));
    reader.requireEnd(field);
    if (value.isZero()) {
      throw new DecodingException(field, "a stored slot is never zero");
    }
    return value;
  }
}
