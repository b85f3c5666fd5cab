package org.xinlian.sdk.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;

/** Strict reads of the {@code xinlian_} answers (SDK-2): a missing or malformed field is named. */
final class GovernanceFields {
  private static final int QUANTITY_DIGITS_MAX = 16;

  private GovernanceFields() {}

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

  /** A QUANTITY that fits a long: heights, ids, weights, basis points. */
  static long quantity(JsonNode value, String field) {
    String text = text(value, field);
    if (!text.matches("0x[0-9a-fA-F]{1," + QUANTITY_DIGITS_MAX + "}")) {
      throw new DecodingException(field, "not a 0x quantity of at most 64 bits: "
          + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
    }
    BigInteger number = new BigInteger(text.substring(2), 16);
    if (number.bitLength() > 63) {
      throw new DecodingException(field, "above 2^63 - 1: " + number);
    }
    return number.longValue();
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

  static Hash hash(JsonNode value, String field) {
    byte[] bytes = data(value, field);
    if (bytes.length != Hash.LENGTH) {
      throw new DecodingException(field, "not a 32-byte hash");
    }
    return Hash.wrap(bytes);
  }
}
