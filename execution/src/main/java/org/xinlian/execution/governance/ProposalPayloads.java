package org.xinlian.execution.governance;

import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xinlian.common.Address;

/**
 * Decoding of proposal payloads (GOV-3): the ABI tuple of each {@link ProposalKind}, strictly (a
 * value beyond its type's bits, bad padding or trailing bytes is refused), and typed accessors.
 */
public final class ProposalPayloads {
  private ProposalPayloads() {}

  /**
   * The payload of {@code kind} decoded.
   *
   * @throws IllegalArgumentException naming {@code payload} and the problem
   */
  public static Tuple decode(ProposalKind kind, byte[] payload) {
    if (payload.length > Governance.PAYLOAD_BYTES_MAX) {
      throw new IllegalArgumentException("payload: " + payload.length + " bytes, more than "
          + Governance.PAYLOAD_BYTES_MAX);
    }
    try {
      return TupleType.parse(kind.payloadType()).decode(payload);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("payload: not an ABI " + kind.payloadType() + " for " + kind
          + ": it ends early (" + payload.length + " bytes)", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("payload: not an ABI " + kind.payloadType() + " for " + kind
          + ": " + e.getMessage(), e);
    }
  }

  /** The payload of {@code kind} for {@code values} (Java types as headlong maps them). */
  public static byte[] encode(ProposalKind kind, Object... values) {
    TupleType<Tuple> type = TupleType.parse(kind.payloadType());
    return type.encode(Tuple.from(values)).array();
  }

  /** Field name to JSON-friendly value (addresses and bytes as 0x hex, numbers as decimal strings). */
  public static Map<String, Object> describe(ProposalKind kind, Tuple payload) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < kind.fieldCount(); i++) {
      Object value = payload.get(i);
      Object shown;
      if (value instanceof com.esaulpaugh.headlong.abi.Address address) {
        shown = toAddress(address).toString();
      } else if (value instanceof byte[] bytes) {
        shown = "0x" + HexFormat.of().formatHex(bytes);
        if (kind == ProposalKind.ADD_ORGANISATION && i == 2) {
          shown = new String(bytes, StandardCharsets.UTF_8);
        }
      } else if (value instanceof BigInteger || value instanceof Long) {
        shown = value.toString();
      } else {
        shown = value;
      }
      fields.put(kind.fieldName(i), shown);
    }
    return fields;
  }

  static Address address(Tuple payload, int index) {
    return toAddress(payload.get(index));
  }

  static Address toAddress(com.esaulpaugh.headlong.abi.Address address) {
    byte[] raw = address.value().toByteArray();
    byte[] bytes = new byte[Address.LENGTH];
    int length = Math.min(raw.length, Address.LENGTH);
    System.arraycopy(raw, raw.length - length, bytes, Address.LENGTH - length, length);
    return Address.wrap(bytes);
  }

  static com.esaulpaugh.headlong.abi.Address toAbi(Address address) {
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }

  /** A uint64 or smaller as a long; uint64 values above Long.MAX_VALUE are refused. */
  static long number(Tuple payload, int index, String field) {
    Object value = payload.get(index);
    if (value instanceof BigInteger big) {
      if (big.bitLength() > 63) {
        throw new IllegalArgumentException(field + ": " + big + " is too large");
      }
      return big.longValue();
    }
    return ((Number) value).longValue();
  }
}
