package org.xinlian.crypto.hd;

import java.util.Arrays;
import org.xinlian.common.DecodingException;

/**
 * A BIP-32 path from the master key, such as {@code m/44'/60'/0'/0/0} (CRYPTO-29). Each level is a
 * 32-bit child number; numbers with the top bit set are hardened.
 */
public final class DerivationPath {
  /** Child numbers at or above this one are hardened (BIP-32: i ≥ 2^31). */
  public static final int HARDENED_BIT = 0x80000000;

  /** BIP-32 serialises the depth in one byte. */
  public static final int DEPTH_MAX = 255;

  /** Longer text is refused before it is split: 255 levels of at most 11 characters fit. */
  public static final int TEXT_CHARS_MAX = 4096;

  /** The largest index of one level, hardened or not. */
  public static final int INDEX_MAX = Integer.MAX_VALUE;

  /** BIP-44 purpose 44', coin type 60' (Ethereum, SLIP-44), account 0', external chain 0. */
  private static final int[] ETHEREUM_ACCOUNTS = {
    44 | HARDENED_BIT, 60 | HARDENED_BIT, HARDENED_BIT, 0
  };

  private static final DerivationPath MASTER = new DerivationPath(new int[0]);

  private final int[] childNumbers;

  private DerivationPath(int[] childNumbers) {
    this.childNumbers = childNumbers;
  }

  /** The empty path {@code m}: the master key itself. */
  public static DerivationPath master() {
    return MASTER;
  }

  /**
   * {@code m/44'/60'/0'/0/index}: the path of the {@code index}-th address of the first account,
   * which MetaMask, ethers.js, Hardhat and anvil derive.
   *
   * @throws IllegalArgumentException when {@code index} is negative
   */
  public static DerivationPath ethereumAccount(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index: must be in [0, " + INDEX_MAX + "], got " + index);
    }
    return ethereumAccountParent().child(index);
  }

  /** {@code m/44'/60'/0'/0}: the parent of every {@link #ethereumAccount(int)} path. */
  public static DerivationPath ethereumAccountParent() {
    return new DerivationPath(ETHEREUM_ACCOUNTS.clone());
  }

  /** The hardened child number of {@code index} (written {@code index'}). */
  public static int hardened(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index: must be in [0, " + INDEX_MAX + "], got " + index);
    }
    return index | HARDENED_BIT;
  }

  /**
   * Parses {@code m} followed by zero or more {@code /index} levels, each index a decimal number
   * in [0, 2^31 - 1] without leading zeros, marked hardened by a trailing {@code '}, {@code h} or
   * {@code H}.
   *
   * @throws DecodingException (field {@code derivationPath}) naming the level that is wrong
   */
  public static DerivationPath parse(String text) {
    if (text == null) {
      throw new DecodingException("derivationPath", "missing value");
    }
    if (text.length() > TEXT_CHARS_MAX) {
      throw new DecodingException(
          "derivationPath", "longer than " + TEXT_CHARS_MAX + " characters (" + text.length() + ")");
    }
    if (!text.equals("m") && !text.startsWith("m/")) {
      throw new DecodingException(
          "derivationPath", "must start with 'm' (the master key), as in m/44'/60'/0'/0/0");
    }
    if (text.equals("m")) {
      return MASTER;
    }
    String[] levels = text.substring(2).split("/", -1);
    if (levels.length > DEPTH_MAX) {
      throw new DecodingException(
          "derivationPath", "has " + levels.length + " levels; BIP-32 allows at most " + DEPTH_MAX);
    }
    int[] childNumbers = new int[levels.length];
    for (int i = 0; i < levels.length; i++) {
      childNumbers[i] = parseLevel(levels[i], i + 1);
    }
    return new DerivationPath(childNumbers);
  }

  private static int parseLevel(String level, int position) {
    String where = "level " + position;
    if (level.isEmpty()) {
      throw new DecodingException("derivationPath", where + " is empty");
    }
    char last = level.charAt(level.length() - 1);
    boolean hardened = last == '\'' || last == 'h' || last == 'H';
    String digits = hardened ? level.substring(0, level.length() - 1) : level;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new DecodingException(
          "derivationPath", where + " (\"" + level + "\") is not a decimal index, optionally followed by '");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new DecodingException(
          "derivationPath", where + " (\"" + level + "\") has a leading zero");
    }
    long index = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (index > INDEX_MAX) {
      throw new DecodingException(
          "derivationPath",
          where + " index " + digits + " is above " + INDEX_MAX
              + " (hardened levels are written with ', not as numbers ≥ 2^31)");
    }
    return hardened ? (int) index | HARDENED_BIT : (int) index;
  }

  /**
   * This path extended by one level with the raw 32-bit child number (hardened when its top bit
   * is set).
   *
   * @throws IllegalArgumentException when the path is already {@link #DEPTH_MAX} levels deep
   */
  public DerivationPath child(int childNumber) {
    if (childNumbers.length >= DEPTH_MAX) {
      throw new IllegalArgumentException("derivationPath: already " + DEPTH_MAX + " levels deep");
    }
    int[] extended = Arrays.copyOf(childNumbers, childNumbers.length + 1);
    extended[childNumbers.length] = childNumber;
    return new DerivationPath(extended);
  }

  /** The number of levels below the master key. */
  public int depth() {
    return childNumbers.length;
  }

  /** The raw child numbers from the master key down (hardened ones have the top bit set). */
  public int[] childNumbers() {
    return childNumbers.clone();
  }

  /** Whether a raw child number is hardened. */
  public static boolean isHardened(int childNumber) {
    return (childNumber & HARDENED_BIT) != 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DerivationPath path && Arrays.equals(path.childNumbers, childNumbers);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(childNumbers);
  }

  /** The text form that {@link #parse(String)} reads, with {@code '} for hardened levels. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("m");
    for (int childNumber : childNumbers) {
      out.append('/').append(childNumber & INDEX_MAX);
      if (isHardened(childNumber)) {
        out.append('\'');
      }
    }
    return out.toString();
  }
}
