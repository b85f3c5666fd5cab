package org.xinlian.ledger.snapshot;

import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.ledger.state.FlatStateKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.ReadView;

/**
 * Where snapshots read and write the chain head and its identity: the block store's own keys
 * ({@link ChainEncoding}), since an imported node must find its head where the block store looks.
 */
public final class SnapshotLayout {
  /** Head block header by hash: block hash → {@code BlockCodec.encodeHeader}. */
  public static final Namespace HEADERS = LedgerNamespaces.HEADERS;
  /** Canonical chain: {@link #heightKey} → block hash. */
  public static final Namespace CANONICAL = LedgerNamespaces.CANONICAL;
  /** Store-wide facts, under the keys below. */
  public static final Namespace META = LedgerNamespaces.META;

  /** META key: hash of the head block (32 bytes). A store with a head holds a chain. */
  public static final byte[] META_HEAD = ChainEncoding.META_HEAD;
  /** META key: lowest height whose block is stored (8 bytes big-endian); older ones are absent. */
  public static final byte[] META_HISTORY_START = ChainEncoding.META_HISTORY_START;
  /** META key: the chain's crypto suite name, UTF-8 ({@code standard} or {@code gm}). */
  public static final byte[] META_SUITE = ChainEncoding.META_SUITE;
  /** META key: the chain id (8 bytes big-endian). */
  public static final byte[] META_CHAIN_ID = ChainEncoding.META_CHAIN_ID;
  /** META key: hash of the genesis block (32 bytes). */
  public static final byte[] META_GENESIS = ChainEncoding.META_GENESIS;

  /** Length of a {@link #heightKey}. */
  public static final int HEIGHT_KEY_BYTES = Long.BYTES;
  /** Length of a flat-storage key: hash(address) ‖ hash(slot). */
  public static final int FLAT_STORAGE_KEY_BYTES = FlatStateKeys.STORAGE_KEY_BYTES;
  /** Longest suite name accepted from a store or a file; real ones are a few letters. */
  public static final int SUITE_NAME_BYTES_MAX = 32;

  private SnapshotLayout() {}

  /** The CANONICAL key of a height: 8 bytes big-endian, so keys sort by height. */
  public static byte[] heightKey(long height) {
    return ByteBuffer.allocate(HEIGHT_KEY_BYTES).putLong(height).array();
  }

  /** 8-byte big-endian encoding of a number in META. */
  public static byte[] encodeLong(long value) {
    return heightKey(value);
  }

  /** Inverse of {@link #encodeLong}, naming {@code field} when the value has another length. */
  public static long decodeLong(String field, byte[] value) {
    if (value.length != Long.BYTES) {
      throw new DecodingException(field, "expected 8 bytes but got " + value.length);
    }
    return ByteBuffer.wrap(value).getLong();
  }

  /** hash(address) ‖ hash(slot), the FLAT_STORAGE key, which sorts slots of one account together. */
  public static byte[] flatStorageKey(byte[] hashedAddress, byte[] hashedSlot) {
    return FlatStateKeys.storageKey(hashedAddress, hashedSlot);
  }

  /** The head block hash, if the store holds a chain. */
  public static Optional<Hash> head(ReadView view) {
    return view.get(META, META_HEAD).map(value -> hash("meta.head", value));
  }

  static Hash hash(String field, byte[] value) {
    if (value.length != Hash.LENGTH) {
      throw new DecodingException(field, "expected 32 bytes but got " + value.length);
    }
    return Hash.wrap(value);
  }

  static String utf8(String field, byte[] value) {
    if (value.length == 0 || value.length > SUITE_NAME_BYTES_MAX) {
      throw new DecodingException(
          field, "expected 1 to " + SUITE_NAME_BYTES_MAX + " bytes but got " + value.length);
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String key) {
    return key.getBytes(StandardCharsets.US_ASCII);
  }
}
