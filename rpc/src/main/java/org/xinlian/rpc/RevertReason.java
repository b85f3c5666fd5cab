package org.xinlian.rpc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes Solidity revert data into a human reason, so "execution reverted: insufficient balance"
 * reaches the user instead of raw hex. Data that is not a well-formed {@code Error(string)} or
 * {@code Panic(uint256)} has no reason (the caller still gets the raw bytes).
 */
public final class RevertReason {
  /** First four bytes of keccak256("Error(string)"), per the Solidity ABI documentation. */
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  /** First four bytes of keccak256("Panic(uint256)"), per the Solidity ABI documentation. */
  private static final byte[] PANIC_SELECTOR = {0x4e, 0x48, 0x7b, 0x71};
  private static final int WORD_BYTES = 32;
  /** A reason longer than this is cut, so a hostile contract cannot inflate error messages. */
  public static final int REASON_CHARS_MAX = 1024;

  /** Panic codes as listed in the Solidity documentation ("Panic via assert and Error via require"). */
  private static final Map<Integer, String> PANIC_REASONS =
      Map.of(
          0x00, "generic panic",
          0x01, "assert(false)",
          0x11, "arithmetic underflow or overflow",
          0x12, "division or modulo by zero",
          0x21, "enum overflow",
          0x22, "invalid encoded storage byte array accessed",
          0x31, "out-of-bounds array access; popping on an empty array",
          0x32, "out-of-bounds access of an array or bytesN",
          0x41, "out of memory",
          0x51, "uninitialized function");

  private RevertReason() {}

  /** The decoded reason of revert data, or empty when the data is not a standard revert. */
  public static Optional<String> decode(byte[] data) {
    if (data == null || data.length < 4 + WORD_BYTES) {
      return Optional.empty();
    }
    byte[] selector = Arrays.copyOf(data, 4);
    if (Arrays.equals(selector, ERROR_SELECTOR)) {
      return decodeErrorString(data);
    }
    if (Arrays.equals(selector, PANIC_SELECTOR) && data.length == 4 + WORD_BYTES) {
      BigInteger code = new BigInteger(1, Arrays.copyOfRange(data, 4, 4 + WORD_BYTES));
      String known = code.bitLength() <= 8 ? PANIC_REASONS.get(code.intValue()) : null;
      return Optional.of(known != null ? known : "unknown panic code: 0x" + code.toString(16));
    }
    return Optional.empty();
  }

  private static Optional<String> decodeErrorString(byte[] data) {
    int body = 4;
    BigInteger offset = word(data, body);
    if (offset == null || offset.compareTo(BigInteger.valueOf(data.length)) > 0) {
      return Optional.empty();
    }
    int lengthAt = body + offset.intValueExact();
    BigInteger length = word(data, lengthAt);
    if (length == null) {
      return Optional.empty();
    }
    long start = (long) lengthAt + WORD_BYTES;
    if (length.compareTo(BigInteger.valueOf(data.length - start)) > 0) {
      return Optional.empty();
    }
    String reason =
        new String(data, (int) start, length.intValueExact(), StandardCharsets.UTF_8);
    if (reason.length() > REASON_CHARS_MAX) {
      reason = reason.substring(0, REASON_CHARS_MAX) + "...";
    }
    return Optional.of(reason);
  }

  /** The 32-byte big-endian word at {@code at}, or null when it does not fit in the data. */
  private static BigInteger word(byte[] data, int at) {
    if (at < 0 || (long) at + WORD_BYTES > data.length) {
      return null;
    }
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + WORD_BYTES));
  }
}
