package org.xinlian.sdk.abi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.Keccak256;

/**
 * The few pieces of the Solidity contract ABI an application needs to call a token without a code
 * generator: function selectors, static {@code uint256}/{@code address} arguments and results, and
 * the {@code Error(string)} revert reason. Selectors are Keccak-256 on both suites, because the
 * ABI is the EVM's, not the chain's hash function (docs/adr/0002). Dynamic types are out of scope:
 * use web3j's ABI module for anything larger.
 */
public final class Abi {
  /** Every static ABI value occupies one 32-byte word. */
  public static final int WORD_BYTES = 32;
  /** A function selector is the first four bytes of the Keccak-256 of its signature. */
  public static final int SELECTOR_BYTES = 4;
  /** A decoded revert reason longer than this is cut, so a hostile contract cannot inflate errors. */
  public static final int REASON_CHARS_MAX = 1024;
  /** Selector of {@code Error(string)}, 0x08c379a0 in the Solidity documentation. */
  private static final byte[] ERROR_SELECTOR = selector("Error(string)");
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private Abi() {}

  /** The selector of a canonical signature such as {@code transfer(address,uint256)}. */
  public static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), SELECTOR_BYTES);
  }

  /** A call: the selector of {@code signature} followed by the already encoded words. */
  public static byte[] call(String signature, byte[]... words) {
    byte[] selector = selector(signature);
    int length = selector.length;
    for (byte[] word : words) {
      length += word.length;
    }
    byte[] data = Arrays.copyOf(selector, length);
    int at = selector.length;
    for (byte[] word : words) {
      System.arraycopy(word, 0, data, at, word.length);
      at += word.length;
    }
    return data;
  }

  /** A {@code uint256} word; refuses negative values and values of 2^256 or more. */
  public static byte[] uint256(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new IllegalArgumentException("uint256: " + value + " is outside 0 to 2^256 - 1");
    }
    byte[] magnitude = value.toByteArray();
    byte[] word = new byte[WORD_BYTES];
    int length = Math.min(magnitude.length, WORD_BYTES);
    System.arraycopy(magnitude, magnitude.length - length, word, WORD_BYTES - length, length);
    return word;
  }

  /** An {@code address} word: twelve zero bytes, then the address. */
  public static byte[] address(Address address) {
    byte[] word = new byte[WORD_BYTES];
    System.arraycopy(address.toArray(), 0, word, WORD_BYTES - Address.LENGTH, Address.LENGTH);
    return word;
  }

  /** The {@code uint256} in word {@code index} of a result (a {@code balanceOf} answer, a log's data). */
  public static BigInteger decodeUint256(byte[] data, int index) {
    return new BigInteger(1, word(data, index, "uint256"));
  }

  /** The {@code address} in word {@code index}; the twelve high bytes must be zero, as the ABI requires. */
  public static Address decodeAddress(byte[] data, int index) {
    byte[] word = word(data, index, "address");
    for (int i = 0; i < WORD_BYTES - Address.LENGTH; i++) {
      if (word[i] != 0) {
        throw new DecodingException("abi.address", "word " + index + " has non-zero high bytes");
      }
    }
    return Address.wrap(Arrays.copyOfRange(word, WORD_BYTES - Address.LENGTH, WORD_BYTES));
  }

  /**
   * The reason of {@code Error(string)} revert data ({@code require(false, "...")}), or empty for
   * any other data (custom errors, panics, nothing): the caller still has the raw bytes.
   */
  public static Optional<String> revertReason(byte[] data) {
    if (data == null || data.length < SELECTOR_BYTES + 2 * WORD_BYTES
        || !Arrays.equals(Arrays.copyOf(data, SELECTOR_BYTES), ERROR_SELECTOR)) {
      return Optional.empty();
    }
    byte[] body = Arrays.copyOfRange(data, SELECTOR_BYTES, data.length);
    BigInteger offset = new BigInteger(1, Arrays.copyOf(body, WORD_BYTES));
    if (offset.compareTo(BigInteger.valueOf(body.length - WORD_BYTES)) > 0) {
      return Optional.empty();
    }
    int lengthAt = offset.intValue();
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(body, lengthAt, lengthAt + WORD_BYTES));
    long start = (long) lengthAt + WORD_BYTES;
    if (length.compareTo(BigInteger.valueOf(body.length - start)) > 0) {
      return Optional.empty();
    }
    String reason = new String(body, (int) start, length.intValue(), StandardCharsets.UTF_8);
    return Optional.of(reason.length() > REASON_CHARS_MAX ? reason.substring(0, REASON_CHARS_MAX) + "..." : reason);
  }

  private static byte[] word(byte[] data, int index, String type) {
    long start = (long) index * WORD_BYTES;
    if (index < 0 || data == null || start + WORD_BYTES > data.length) {
      throw new DecodingException("abi." + type, "word " + index + " is beyond the "
          + (data == null ? 0 : data.length) + " bytes of data");
    }
    return Arrays.copyOfRange(data, (int) start, (int) start + WORD_BYTES);
  }
}
