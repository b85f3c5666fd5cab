package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;

/** JSON-RPC quantities and ABI words. */
final class Quantities {
  private Quantities() {}

  static BigInteger parse(JsonNode node, String what) {
    if (node == null || !node.isTextual() || !node.asText().startsWith("0x") || node.asText().length() < 3) {
      throw new BenchException(what + ": expected a 0x quantity, got " + node);
    }
    return new BigInteger(node.asText().substring(2), 16);
  }

  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** A 32-byte ABI word holding {@code value}. */
  static String word(BigInteger value) {
    String digits = value.toString(16);
    return "0".repeat(64 - digits.length()) + digits;
  }

  static String word(Address address) {
    return "0".repeat(24) + Hex.encode(address.toArray()).substring(2);
  }

  /** {@code transfer(address,uint256)} call data: selector 0xa9059cbb (keccak of the signature). */
  static byte[] erc20Transfer(Address to, BigInteger amount) {
    return Hex.decode("0xa9059cbb" + word(to) + word(amount));
  }

  /** {@code balanceOf(address)} call data: selector 0x70a08231. */
  static String erc20BalanceOf(Address owner) {
    return "0x70a08231" + word(owner);
  }
}
