package org.xinlian.types.block;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.TransactionType;

/**
 * Ethereum's receipt encoding, the same on both suites: {@code rlp([status, cumulativeGasUsed,
 * logsBloom, logs])} for legacy transactions and {@code type || rlp([...])} for typed ones, with
 * status {@code 0x01} or the empty string. The strict decoder also requires the bloom to match the
 * logs, so a stored or received receipt cannot carry a bloom that misleads log filters.
 */
public final class ReceiptCodec {
  private static final String RECEIPT = "receipt";
  private static final byte STATUS_SUCCESS = 1;

  private ReceiptCodec() {}

  public static byte[] encode(Receipt receipt) {
    RlpWriter writer = new RlpWriter(300);
    if (receipt.type() != TransactionType.LEGACY) {
      writer.writeEncoded(new byte[] {(byte) receipt.type().typeByte()});
    }
    writer.startList();
    writer.writeBytes(receipt.success() ? new byte[] {STATUS_SUCCESS} : new byte[0]);
    writer.writeUnsignedLong(receipt.cumulativeGasUsed());
    writer.writeBytes(receipt.logsBloom().toArray());
    writer.startList();
    for (Log log : receipt.logs()) {
      writeLog(writer, log);
    }
    writer.endList();
    return writer.endList().toByteArray();
  }

  /** The encoding of one log, {@code rlp([address, [topics...], data])}. */
  public static byte[] encodeLog(Log log) {
    RlpWriter writer = new RlpWriter(100);
    writeLog(writer, log);
    return writer.toByteArray();
  }

  public static Receipt decode(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      throw new DecodingException(RECEIPT, "empty input");
    }
    int first = encoded[0] & 0xff;
    TransactionType type;
    RlpReader fields;
    if (first >= 0xc0) {
      type = TransactionType.LEGACY;
      fields = RlpReader.ofList(encoded, RECEIPT);
    } else if (first == TransactionType.ACCESS_LIST.typeByte()
        || first == TransactionType.DYNAMIC_FEE.typeByte()) {
      type = first == 1 ? TransactionType.ACCESS_LIST : TransactionType.DYNAMIC_FEE;
      if (encoded.length == 1) {
        throw new DecodingException(RECEIPT, "typed receipt without a payload");
      }
      fields = RlpReader.ofList(encoded, 1, encoded.length - 1, RECEIPT);
    } else {
      throw new DecodingException(
          RECEIPT + ".type", String.format("unsupported receipt type 0x%02x", first));
    }
    byte[] status = fields.readBytes(RECEIPT + ".status");
    boolean success;
    if (status.length == 0) {
      success = false;
    } else if (status.length == 1 && status[0] == STATUS_SUCCESS) {
      success = true;
    } else {
      throw new DecodingException(
          RECEIPT + ".status", "expected 0x01 or empty (state roots are not supported)");
    }
    long cumulativeGasUsed = fields.readLong(RECEIPT + ".cumulativeGasUsed");
    LogsBloom bloom = LogsBloom.wrap(fields.readBytes(RECEIPT + ".logsBloom", LogsBloom.LENGTH));
    RlpReader logsReader = fields.readList(RECEIPT + ".logs");
    List<Log> logs = new ArrayList<>();
    while (logsReader.hasNext()) {
      logs.add(readLog(logsReader, RECEIPT + ".logs[" + logs.size() + "]"));
    }
    fields.requireEnd(RECEIPT);
    if (!LogsBloom.of(logs).equals(bloom)) {
      throw new DecodingException(RECEIPT + ".logsBloom", "does not match the logs");
    }
    return new Receipt(type, success, cumulativeGasUsed, bloom, logs);
  }

  static Log readLog(RlpReader reader, String field) {
    RlpReader fields = reader.readList(field);
    Address address = fields.readAddress(field + ".address");
    RlpReader topicsReader = fields.readList(field + ".topics");
    List<Hash> topics = new ArrayList<>();
    while (topicsReader.hasNext()) {
      if (topics.size() == Log.TOPICS_MAX) {
        throw new DecodingException(
            field + ".topics", "more than " + Log.TOPICS_MAX + " topics");
      }
      topics.add(topicsReader.readHash(field + ".topics[" + topics.size() + "]"));
    }
    byte[] data = fields.readBytes(field + ".data");
    fields.requireEnd(field);
    return new Log(address, topics, data);
  }

  private static void writeLog(RlpWriter writer, Log log) {
    writer.startList();
    writer.writeBytes(log.address().toArray());
    writer.startList();
    for (Hash topic : log.topics()) {
      writer.writeBytes(topic.toArray());
    }
    writer.endList();
    writer.writeBytes(log.data());
    writer.endList();
  }
}
