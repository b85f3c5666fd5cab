package org.xinlian.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * The positional parameters of one call, with typed accessors that reject bad input with {@code
 * -32602} and a message naming the argument position, its name and what was expected, so a user
 * fixing a script knows exactly which value is wrong.
 *
 * <p>Formats follow the Ethereum execution API: a QUANTITY is {@code 0x} followed by hex digits
 * without leading zeros ({@code 0x0} for zero); DATA is {@code 0x} followed by an even number of
 * hex digits.
 */
public final class RpcParams {
  /** A QUANTITY has at most 256 bits (64 hex digits), the width of an EVM word. */
  public static final int QUANTITY_HEX_DIGITS_MAX = 64;

  private final ArrayNode values;

  private RpcParams(ArrayNode values) {
    this.values = values;
  }

  /** Parameters from the request's {@code params} member (absent or null means none). */
  public static RpcParams of(JsonNode params) {
    if (params == null || params.isNull() || params.isMissingNode()) {
      return new RpcParams(JsonNodeFactory.instance.arrayNode());
    }
    if (!params.isArray()) {
      throw RpcException.invalidParams("params must be an array of positional arguments");
    }
    return new RpcParams((ArrayNode) params);
  }

  public int size() {
    return values.size();
  }

  /** The parameters from position {@code from} on, for methods that delegate the rest. */
  public RpcParams from(int from) {
    ArrayNode rest = JsonNodeFactory.instance.arrayNode();
    for (int i = from; i < values.size(); i++) {
      rest.add(values.get(i));
    }
    return new RpcParams(rest);
  }

  /** Refuses a call with fewer than {@code min} or more than {@code max} arguments. */
  public RpcParams requireCount(int min, int max) {
    if (values.size() < min || values.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw RpcException.invalidParams(
          "expected " + expected + " argument(s), got " + values.size());
    }
    return this;
  }

  /** The raw JSON value at {@code index}, or a missing node when absent. */
  public JsonNode raw(int index) {
    JsonNode value = values.get(index);
    return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
  }

  public boolean isPresent(int index) {
    JsonNode value = values.get(index);
    return value != null && !value.isNull();
  }

  public String string(int index, String name) {
    JsonNode value = required(index, name);
    if (!value.isTextual()) {
      throw wrong(index, name, "a string", value);
    }
    return value.textValue();
  }

  public boolean bool(int index, String name) {
    JsonNode value = required(index, name);
    if (!value.isBoolean()) {
      throw wrong(index, name, "a boolean", value);
    }
    return value.booleanValue();
  }

  /** A QUANTITY of at most 256 bits. */
  public BigInteger quantity(int index, String name) {
    String text = hexText(index, name, "a QUANTITY (0x-prefixed hex number)");
    String digits = text.substring(2);
    if (digits.isEmpty()) {
      throw invalid(index, name, "QUANTITY \"0x\" has no digits (zero is \"0x0\")");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw invalid(index, name, "QUANTITY " + abbreviate(text) + " has leading zero digits");
    }
    if (digits.length() > QUANTITY_HEX_DIGITS_MAX) {
      throw invalid(
          index,
          name,
          "QUANTITY has " + digits.length() + " hex digits, more than 256 bits ("
              + "QUANTITY_HEX_DIGITS_MAX=" + QUANTITY_HEX_DIGITS_MAX + ")");
    }
    requireHexDigits(index, name, text);
    return new BigInteger(digits, 16);
  }

  /** A QUANTITY that must fit in a non-negative long (block numbers, counts, indexes). */
  public long quantityLong(int index, String name) {
    BigInteger value = quantity(index, name);
    if (value.bitLength() > 63) {
      throw invalid(index, name, "QUANTITY 0x" + value.toString(16) + " exceeds 2^63-1");
    }
    return value.longValueExact();
  }

  /** DATA: 0x-prefixed hex with an even number of digits. */
  public byte[] data(int index, String name) {
    String text = hexText(index, name, "DATA (0x-prefixed hex bytes)");
    if ((text.length() & 1) != 0) {
      throw invalid(
          index, name, "DATA has an odd number of hex digits (" + (text.length() - 2) + ")");
    }
    requireHexDigits(index, name, text);
    return org.xinlian.common.Hex.decode(name, text);
  }

  public Address address(int index, String name) {
    byte[] bytes = fixed(index, name, Address.LENGTH, "address");
    return Address.wrap(bytes);
  }

  public Hash hash(int index, String name) {
    byte[] bytes = fixed(index, name, Hash.LENGTH, "hash");
    return Hash.wrap(bytes);
  }

  /** A block tag ({@code latest}, {@code pending}, {@code safe}, {@code finalized}, {@code earliest}) or number. */
  public BlockTag blockTag(int index, String name) {
    JsonNode value = required(index, name);
    if (!value.isTextual()) {
      throw wrong(index, name, "a block number or tag", value);
    }
    switch (value.textValue()) {
      case "latest":
        return BlockTag.LATEST;
      case "pending":
        return BlockTag.PENDING;
      case "safe":
        return BlockTag.SAFE;
      case "finalized":
        return BlockTag.FINALIZED;
      case "earliest":
        return BlockTag.EARLIEST;
      default:
        if (!value.textValue().startsWith("0x")) {
          throw invalid(
              index,
              name,
              "expected a block number (0x-prefixed QUANTITY) or one of latest, pending, safe,"
                  + " finalized, earliest, got " + abbreviate(value.textValue()));
        }
        return BlockTag.number(quantityLong(index, name));
    }
  }

  /** As {@link #blockTag} with a default when the argument is absent or null. */
  public BlockTag blockTagOr(int index, String name, BlockTag absent) {
    return isPresent(index) ? blockTag(index, name) : absent;
  }

  private byte[] fixed(int index, String name, int length, String what) {
    String text = hexText(index, name, "a " + length + "-byte " + what + " (0x-prefixed hex)");
    if (text.length() != 2 + 2 * length) {
      throw invalid(
          index,
          name,
          what + " must be " + length + " bytes (" + 2 * length + " hex digits), got "
              + (text.length() - 2) + " hex digits");
    }
    requireHexDigits(index, name, text);
    return org.xinlian.common.Hex.decode(name, text);
  }

  private String hexText(int index, String name, String expected) {
    JsonNode value = required(index, name);
    if (!value.isTextual()) {
      throw wrong(index, name, expected, value);
    }
    String text = value.textValue();
    if (!text.startsWith("0x")) {
      throw invalid(index, name, "expected " + expected + ", missing 0x prefix in " + abbreviate(text));
    }
    return text;
  }

  private void requireHexDigits(int index, String name, String text) {
    for (int i = 2; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        throw invalid(index, name, "invalid hex character '" + text.charAt(i) + "' at position " + i);
      }
    }
  }

  private JsonNode required(int index, String name) {
    JsonNode value = values.get(index);
    if (value == null || value.isNull()) {
      throw invalid(index, name, "missing value");
    }
    return value;
  }

  private static RpcException wrong(int index, String name, String expected, JsonNode value) {
    return invalid(index, name, "expected " + expected + ", got " + describe(value));
  }

  private static RpcException invalid(int index, String name, String problem) {
    return RpcException.invalidParams("invalid argument " + index + " (" + name + "): " + problem);
  }

  private static String describe(JsonNode value) {
    switch (value.getNodeType()) {
      case NUMBER:
        return "a JSON number";
      case BOOLEAN:
        return "a JSON boolean";
      case ARRAY:
        return "a JSON array";
      case OBJECT:
        return "a JSON object";
      case STRING:
        return "the string " + abbreviate(value.textValue());
      default:
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Quotes a user value, cut so that an error message never echoes a huge input back. */
  private static String abbreviate(String text) {
    int shown = 80;
    return "\"" + (text.length() <= shown ? text : text.substring(0, shown) + "...") + "\"";
  }
}
