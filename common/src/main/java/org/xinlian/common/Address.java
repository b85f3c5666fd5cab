package org.xinlian.common;

/**
 * A 20-byte account address. On both crypto suites an address is the last 20 bytes of the suite's
 * hash of the uncompressed public key, so tools see the same shape on standard and gm chains.
 * Mixed-case (EIP-55) formatting needs Keccak and lives in the crypto module.
 */
public final class Address extends FixedBytes implements Comparable<Address> {
  public static final int LENGTH = 20;
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private Address(byte[] bytes) {
    super("address", bytes, LENGTH);
  }

  public static Address wrap(byte[] bytes) {
    return new Address(bytes);
  }

  /** Parses 40 hex digits, with or without {@code 0x}, in any case (checksums are not verified here). */
  public static Address fromHex(String hex) {
    byte[] bytes = Hex.decode("address", hex);
    if (bytes.length != LENGTH) {
      throw new DecodingException("address", "expected 20 bytes but got " + bytes.length);
    }
    return new Address(bytes);
  }

  @Override
  public int compareTo(Address other) {
    return java.util.Arrays.compareUnsigned(bytes, other.bytes);
  }
}
