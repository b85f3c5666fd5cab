package org.xinlian.ledger.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.block.ReceiptCodec;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/**
 * Keys and values of the block namespaces of {@link org.xinlian.ledger.LedgerNamespaces}, public
 * so that the block store, the verifier and offline tools read one layout (docs/spec/ledger.md
 * LEDGER-1). Changing any of it requires a new schema version.
 *
 * <ul>
 *   <li>number keys (CANONICAL, BLOOMS): 8 bytes big-endian, so iteration order is height order;
 *   <li>body: {@code rlp([envelope...])}, each transaction's signed envelope as a byte string;
 *   <li>receipts: {@code rlp([receipt...])}, each receipt's typed encoding as a byte string;
 *   <li>transaction location (TX_INDEX): block hash (32) ‖ block number (8) ‖ position (4).
 * </ul>
 */
public final class ChainEncoding {
  /** META key of the schema version, a 4-byte big-endian integer. */
  public static final byte[] META_SCHEMA_VERSION = ascii("schema_version");
  /** META key of the canonical head's block hash. */
  public static final byte[] META_HEAD = ascii("head");
  /** META key of the crypto suite's name, recorded at genesis so tools need not be told. */
  public static final byte[] META_SUITE = ascii("suite");
  /** META key of the chain id (8 bytes big-endian), recorded at genesis. */
  public static final byte[] META_CHAIN_ID = ascii("chain_id");
  /** META key of the genesis block's hash, recorded at genesis: the chain's identity. */
  public static final byte[] META_GENESIS = ascii("genesis");
  /**
   * META key of the lowest block number whose block is stored (8 bytes big-endian). Absent means
   * 0; a node started from a state snapshot holds no block below the snapshot's height.
   */
  public static final byte[] META_HISTORY_START = ascii("history_start");

  /** Length of a number key. */
  public static final int NUMBER_KEY_BYTES = Long.BYTES;
  /** Length of a transaction location value. */
  public static final int TRANSACTION_LOCATION_BYTES = Hash.LENGTH + Long.BYTES + Integer.BYTES;

  private static final String BODY = "body";
  private static final String RECEIPTS = "receipts";

  private ChainEncoding() {}

  public static byte[] numberKey(long number) {
    return ByteBuffer.allocate(NUMBER_KEY_BYTES).putLong(number).array();
  }

  public static long decodeNumberKey(byte[] key) {
    if (key == null || key.length != NUMBER_KEY_BYTES) {
      throw new DecodingException(
          "numberKey", "expected " + NUMBER_KEY_BYTES + " bytes but got "
              + (key == null ? 0 : key.length));
    }
    long number = ByteBuffer.wrap(key).getLong();
    if (number < 0) {
      throw new DecodingException("numberKey", "block number exceeds 2^63-1");
    }
    return number;
  }

  public static byte[] encodeSchemaVersion(int version) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(version).array();
  }

  public static int decodeSchemaVersion(byte[] value) {
    if (value == null || value.length != Integer.BYTES) {
      throw new DecodingException(
          "schemaVersion", "expected 4 bytes but got " + (value == null ? 0 : value.length));
    }
    return ByteBuffer.wrap(value).getInt();
  }

  public static byte[] encodeBody(TransactionCodec codec, List<Transaction> transactions) {
    RlpWriter writer = new RlpWriter(256 * (transactions.size() + 1));
    writer.startList();
    for (Transaction transaction : transactions) {
      writer.writeBytes(codec.encode(transaction));
    }
    return writer.endList().toByteArray();
  }

  /**
   * An RLP list of already encoded items: a body from its envelopes or a receipts record from the
   * receipts' encodings, byte for byte what {@link #encodeBody} and {@link #encodeReceipts} give.
   */
  static byte[] encodeList(List<byte[]> encodedItems) {
    int size = 16;
    for (byte[] item : encodedItems) {
      size += item.length + 8;
    }
    RlpWriter writer = new RlpWriter(size);
    writer.startList();
    for (byte[] item : encodedItems) {
      writer.writeBytes(item);
    }
    return writer.endList().toByteArray();
  }

  public static List<Transaction> decodeBody(TransactionCodec codec, byte[] encoded) {
    RlpReader list = RlpReader.ofList(encoded, BODY);
    List<Transaction> transactions = new ArrayList<>();
    while (list.hasNext()) {
      String field = BODY + "[" + transactions.size() + "]";
      byte[] envelope = list.readBytes(field);
      try {
        transactions.add(codec.decode(envelope));
      } catch (DecodingException e) {
        throw new DecodingException(field, e.getMessage(), e);
      }
    }
    return transactions;
  }

  public static byte[] encodeReceipts(List<Receipt> receipts) {
    RlpWriter writer = new RlpWriter(300 * (receipts.size() + 1));
    writer.startList();
    for (Receipt receipt : receipts) {
      writer.writeBytes(ReceiptCodec.encode(receipt));
    }
    return writer.endList().toByteArray();
  }

  public static List<Receipt> decodeReceipts(byte[] encoded) {
    RlpReader list = RlpReader.ofList(encoded, RECEIPTS);
    List<Receipt> receipts = new ArrayList<>();
    while (list.hasNext()) {
      String field = RECEIPTS + "[" + receipts.size() + "]";
      byte[] receipt = list.readBytes(field);
      try {
        receipts.add(ReceiptCodec.decode(receipt));
      } catch (DecodingException e) {
        throw new DecodingException(field, e.getMessage(), e);
      }
    }
    return receipts;
  }

  public static byte[] encodeLocation(TransactionLocation location) {
    return ByteBuffer.allocate(TRANSACTION_LOCATION_BYTES)
        .put(location.blockHash().toArray())
        .putLong(location.blockNumber())
        .putInt(location.position())
        .array();
  }

  public static TransactionLocation decodeLocation(byte[] encoded) {
    if (encoded == null || encoded.length != TRANSACTION_LOCATION_BYTES) {
      throw new DecodingException("transactionLocation", "expected "
          + TRANSACTION_LOCATION_BYTES + " bytes but got " + (encoded == null ? 0 : encoded.length));
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    byte[] hash = new byte[Hash.LENGTH];
    buffer.get(hash);
    long number = buffer.getLong();
    int position = buffer.getInt();
    if (number < 0 || position < 0) {
      throw new DecodingException("transactionLocation", "negative block number or position");
    }
    return new TransactionLocation(Hash.wrap(hash), number, position);
  }

  private static byte[] ascii(String key) {
    return key.getBytes(StandardCharsets.US_ASCII);
  }
}
