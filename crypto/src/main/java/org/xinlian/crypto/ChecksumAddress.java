package org.xinlian.crypto;

import java.nio.charset.StandardCharsets;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;

/** EIP-55 mixed-case addresses, which wallets and ethers.js display and check. */
public final class ChecksumAddress {
  private ChecksumAddress() {}

  /** {@code 0x} and 40 hex digits, upper-cased where the Keccak of the lower-case hex says so. */
  public static String format(Address address) {
    String lower = Hex.encodeBare(address.toArray());
    byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  /**
   * Parses an address; an all-lower or all-upper address is accepted as is, a mixed-case one must
   * carry a correct checksum.
   */
  public static Address parse(String text) {
    Address address = Address.fromHex(text);
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    boolean mixed = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
    if (mixed && !format(address).substring(2).equals(digits)) {
      throw new DecodingException("address", "bad EIP-55 checksum in " + text);
    }
    return address;
  }
}
