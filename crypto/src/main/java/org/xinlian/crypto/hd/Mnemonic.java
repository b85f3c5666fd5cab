package org.xinlian.crypto.hd;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoException;

/**
 * A valid BIP-39 mnemonic over the English word list (CRYPTO-27, CRYPTO-28). Parsing checks the
 * word count, every word and the checksum, so a typo is refused instead of silently deriving
 * another wallet; {@link #seed(String)} then gives the 64-byte BIP-32 seed.
 *
 * <p>The words are a secret: {@link #toString()} does not print them and error messages name a
 * word's position, never the word.
 */
public final class Mnemonic {
  /** The fewest words BIP-39 defines (128 bits of entropy). */
  public static final int WORD_COUNT_MIN = 12;

  /** The most words BIP-39 defines (256 bits of entropy). */
  public static final int WORD_COUNT_MAX = 24;

  /** Longer input is refused before it is split: 24 words of at most 8 letters fit easily. */
  public static final int PHRASE_CHARS_MAX = 1024;

  /** A bound on the passphrase ("25th word") so that a caller cannot make PBKDF2 hash megabytes. */
  public static final int PASSPHRASE_CHARS_MAX = 1024;

  /** The BIP-32 seed that {@link #seed(String)} returns. */
  public static final int SEED_BYTES = 64;

  private static final int PBKDF2_ITERATIONS = 2048;
  private static final String PBKDF2_ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String SALT_PREFIX = "mnemonic";

  /** Entropy is a multiple of 32 bits and each 32 bits add one checksum bit and three words. */
  private static final int WORDS_PER_CHECKSUM_BIT = 3;

  private static final int ENTROPY_BITS_PER_CHECKSUM_BIT = 32;

  private final List<String> words;

  private Mnemonic(List<String> words) {
    this.words = Collections.unmodifiableList(new ArrayList<>(words));
  }

  /**
   * Parses and validates a mnemonic. Words are separated by any whitespace and matched after NFKD
   * normalisation and lower-casing, so the canonical phrase (single spaces) is what the seed uses.
   *
   * @throws DecodingException (field {@code mnemonic}) naming the problem: the length, the word
   *     count, the position of a word outside the list, or a checksum mismatch
   */
  public static Mnemonic parse(String phrase) {
    if (phrase == null) {
      throw new DecodingException("mnemonic", "missing value");
    }
    if (phrase.length() > PHRASE_CHARS_MAX) {
      throw new DecodingException(
          "mnemonic", "longer than " + PHRASE_CHARS_MAX + " characters (" + phrase.length() + ")");
    }
    String normalized =
        Normalizer.normalize(phrase, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).strip();
    List<String> words =
        normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split("\\s+"));
    requireWordCount(words.size());
    int[] indices = new int[words.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = EnglishWordList.indexOf(words.get(i));
      if (indices[i] < 0) {
        throw new DecodingException(
            "mnemonic",
            "word " + (i + 1) + " of " + indices.length + " is not in the BIP-39 English word list");
      }
    }
    int checksumBits = words.size() / WORDS_PER_CHECKSUM_BIT;
    BigInteger bits = BigInteger.ZERO;
    for (int index : indices) {
      bits = bits.shiftLeft(EnglishWordList.BITS_PER_WORD).or(BigInteger.valueOf(index));
    }
    int checksum = bits.intValue() & ((1 << checksumBits) - 1);
    byte[] entropy = unsignedBytes(bits.shiftRight(checksumBits), checksumBits * 4);
    if (checksum != checksum(entropy)) {
      throw new DecodingException(
          "mnemonic",
          "checksum mismatch: the words are all in the list but do not form a valid mnemonic"
              + " (a word is wrong, missing or out of order)");
    }
    return new Mnemonic(words);
  }

  /**
   * The mnemonic that encodes {@code entropy} (16, 20, 24, 28 or 32 bytes), as wallets generate
   * one from random bytes.
   *
   * @throws DecodingException (field {@code entropy}) for any other length
   */
  public static Mnemonic fromEntropy(byte[] entropy) {
    if (entropy == null) {
      throw new DecodingException("entropy", "missing value");
    }
    int wordCount = entropy.length * Byte.SIZE * WORDS_PER_CHECKSUM_BIT / ENTROPY_BITS_PER_CHECKSUM_BIT;
    if (entropy.length * Byte.SIZE % ENTROPY_BITS_PER_CHECKSUM_BIT != 0
        || wordCount < WORD_COUNT_MIN
        || wordCount > WORD_COUNT_MAX) {
      throw new DecodingException(
          "entropy", "expected 16, 20, 24, 28 or 32 bytes but got " + entropy.length);
    }
    int checksumBits = wordCount / WORDS_PER_CHECKSUM_BIT;
    BigInteger bits =
        new BigInteger(1, entropy).shiftLeft(checksumBits).or(BigInteger.valueOf(checksum(entropy)));
    String[] words = new String[wordCount];
    int mask = EnglishWordList.WORD_COUNT - 1;
    for (int i = wordCount - 1; i >= 0; i--) {
      words[i] = EnglishWordList.word(bits.intValue() & mask);
      bits = bits.shiftRight(EnglishWordList.BITS_PER_WORD);
    }
    return new Mnemonic(Arrays.asList(words));
  }

  /** The words, in order. */
  public List<String> words() {
    return words;
  }

  /** The canonical phrase: the words separated by single spaces. */
  public String phrase() {
    return String.join(" ", words);
  }

  /** The entropy the words encode (without the checksum bits). */
  public byte[] entropy() {
    int checksumBits = words.size() / WORDS_PER_CHECKSUM_BIT;
    BigInteger bits = BigInteger.ZERO;
    for (String word : words) {
      bits = bits.shiftLeft(EnglishWordList.BITS_PER_WORD)
          .or(BigInteger.valueOf(EnglishWordList.indexOf(word)));
    }
    return unsignedBytes(bits.shiftRight(checksumBits), checksumBits * 4);
  }

  /**
   * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 over the phrase, salt {@code "mnemonic"} followed
   * by the passphrase, 2048 iterations, both NFKD-normalised and UTF-8 encoded.
   *
   * @param passphrase the optional passphrase; null means none (the empty string)
   * @throws DecodingException (field {@code passphrase}) when it is longer than {@link
   *     #PASSPHRASE_CHARS_MAX} or holds an unpaired surrogate (it would have no UTF-8 encoding)
   */
  public byte[] seed(String passphrase) {
    String given = passphrase == null ? "" : passphrase;
    if (given.length() > PASSPHRASE_CHARS_MAX) {
      throw new DecodingException(
          "passphrase", "longer than " + PASSPHRASE_CHARS_MAX + " characters (" + given.length() + ")");
    }
    byte[] salt = strictUtf8(SALT_PREFIX + Normalizer.normalize(given, Normalizer.Form.NFKD));
    // The JDK's PBKDF2 encodes the password characters as UTF-8, which is what BIP-39 prescribes;
    // the phrase is NFKD already (parse normalised it) and pure ASCII for the English list.
    char[] password = phrase().toCharArray();
    PBEKeySpec spec = new PBEKeySpec(password, salt, PBKDF2_ITERATIONS, SEED_BYTES * Byte.SIZE);
    try {
      return SecretKeyFactory.getInstance(PBKDF2_ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("mnemonic: " + PBKDF2_ALGORITHM + " is not available", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(password, '\0');
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Mnemonic mnemonic && mnemonic.words.equals(words);
  }

  @Override
  public int hashCode() {
    return words.size();
  }

  @Override
  public String toString() {
    return "Mnemonic[" + words.size() + " words, redacted]";
  }

  private static void requireWordCount(int count) {
    if (count < WORD_COUNT_MIN || count > WORD_COUNT_MAX || count % WORDS_PER_CHECKSUM_BIT != 0) {
      throw new DecodingException(
          "mnemonic", "expected 12, 15, 18, 21 or 24 words but got " + count);
    }
  }

  /** The first entropy-bits/32 bits of SHA-256(entropy), as an integer. */
  private static int checksum(byte[] entropy) {
    int checksumBits = entropy.length * Byte.SIZE / ENTROPY_BITS_PER_CHECKSUM_BIT;
    byte[] hash = sha256(entropy);
    return (hash[0] & 0xff) >>> (Byte.SIZE - checksumBits);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new CryptoException("mnemonic: SHA-256 is not available", e);
    }
  }

  /** {@code value} as exactly {@code length} big-endian bytes; it is known to fit. */
  private static byte[] unsignedBytes(BigInteger value, int length) {
    byte[] minimal = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(minimal.length, length);
    System.arraycopy(minimal, minimal.length - copy, out, length - copy, copy);
    return out;
  }

  private static byte[] strictUtf8(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new DecodingException("passphrase", "contains an unpaired surrogate (not valid Unicode)");
    }
  }
}
