package org.xinlian.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;

/**
 * Strict reading of the values in a node's answers (Ethereum JSON-RPC encodings): a malformed
 * answer is a {@link DecodingException} naming the field, never a NullPointerException deep in an
 * application.
 */
final class ResponseFields {
  /** A quantity is at most 256 bits: 64 hex digits. */
  private static final int QUANTITY_DIGITS_MAX = 64;

  private ResponseFields() {}

  static JsonNode member(JsonNode object, String field, String name) {
    JsonNode value = object == null ? null : object.get(name);
    if (value == null || value.isNull()) {
      throw new DecodingException(field + "." + name, "missing");
    }
    return value;
  }

  static String text(JsonNode value, String field) {
    if (value == null || !value.isTextual()) {
      throw new DecodingException(field, "not a JSON string");
    }
    return value.textValue();
  }

  static BigInteger quantity(JsonNode value, String field) {
    String text = text(value, field);
    if (!text.startsWith("0x") || text.length() < 3 || text.length() > 2 + QUANTITY_DIGITS_MAX) {
      throw new DecodingException(field, "not a 0x quantity of 1 to 64 hex digits: " + abbreviate(text));
    }
    for (int i = 2; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        throw new DecodingException(field, "invalid hex digit in " + abbreviate(text));
      }
    }
    return new BigInteger(text.substring(2), 16);
  }

  static long longQuantity(JsonNode value, String field) {
    BigInteger quantity = quantity(value, field);
    if (quantity.bitLength() > 63) {
      throw new DecodingException(field, "above 2^63 - 1: " + quantity);
    }
    return quantity.longValue();
  }

  static byte[] data(JsonNode value, String field) {
    String text = text(value, field);
    if (!text.startsWith("0x")) {
      throw new DecodingException(field, "not 0x-prefixed data");
    }
    return Hex.decode(field, text);
  }

  static Address address(JsonNode value, String field) {
    byte[] bytes = data(value, field);
    if (bytes.length != Address.LENGTH) {
      throw new DecodingException(field, "not a 20-byte address");
    }
    return Address.wrap(bytes);
  }

  static Optional<Address> optionalAddress(JsonNode object, String field, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(address(value, field + "." + name));
  }

  static Hash hash(JsonNode value, String field) {
    byte[] bytes = data(value, field);
    if (bytes.length != Hash.LENGTH) {
      throw new DecodingException(field, "not a 32-byte hash");
    }
    return Hash.wrap(bytes);
  }

  static LogEntry log(JsonNode json, String field) {
    JsonNode topicsJson = member(json, field, "topics");
    if (!topicsJson.isArray()) {
      throw new DecodingException(field + ".topics", "not an array");
    }
    List<Hash> topics = new ArrayList<>();
    for (int i = 0; i < topicsJson.size(); i++) {
      topics.add(hash(topicsJson.get(i), field + ".topics." + i));
    }
    return new LogEntry(
        address(member(json, field, "address"), field + ".address"),
        topics,
        data(member(json, field, "data"), field + ".data"),
        longQuantity(member(json, field, "blockNumber"), field + ".blockNumber"),
        hash(member(json, field, "transactionHash"), field + ".transactionHash"),
        longQuantity(member(json, field, "logIndex"), field + ".logIndex"));
  }

  static List<LogEntry> logs(JsonNode array, String field) {
    if (array == null || !array.isArray()) {
      throw new DecodingException(field, "not an array");
    }
    List<LogEntry> logs = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      logs.add(log(array.get(i), field + "." + i));
    }
    return logs;
  }

  static TransactionReceipt receipt(JsonNode json) {
    String field = "receipt";
    if (!json.isObject()) {
      throw new DecodingException(field, "not an object");
    }
    String status = text(member(json, field, "status"), field + ".status");
    if (!status.equals("0x1") && !status.equals("0x0")) {
      throw new DecodingException(field + ".status", "neither 0x1 nor 0x0: " + abbreviate(status));
    }
    return new TransactionReceipt(
        hash(member(json, field, "transactionHash"), field + ".transactionHash"),
        longQuantity(member(json, field, "blockNumber"), field + ".blockNumber"),
        hash(member(json, field, "blockHash"), field + ".blockHash"),
        address(member(json, field, "from"), field + ".from"),
        optionalAddress(json, field, "to"),
        optionalAddress(json, field, "contractAddress"),
        status.equals("0x1"),
        longQuantity(member(json, field, "gasUsed"), field + ".gasUsed"),
        logs(member(json, field, "logs"), field + ".logs"));
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
