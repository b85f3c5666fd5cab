package org.xinlian.crypto.hd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xinlian.common.Invariants;

/**
 * The BIP-39 English word list (bitcoin/bips, bip-0039/english.txt), shipped as a resource. The
 * list is sorted, which BIP-39 guarantees for English, so a word's index is a binary search.
 */
final class EnglishWordList {
  /** 2^11: each word carries 11 bits. */
  static final int WORD_COUNT = 2048;

  static final int BITS_PER_WORD = 11;

  private static final String RESOURCE = "bip39-english.txt";

  private static final List<String> WORDS = load();

  private EnglishWordList() {}

  static String word(int index) {
    return WORDS.get(index);
  }

  /** The index of {@code word}, or -1 when it is not in the list. */
  static int indexOf(String word) {
    int index = Collections.binarySearch(WORDS, word);
    return index >= 0 ? index : -1;
  }

  /** The whole list, for tests that compare it with another copy. */
  static List<String> words() {
    return WORDS;
  }

  private static List<String> load() {
    List<String> words = new ArrayList<>(WORD_COUNT);
    try (InputStream in = EnglishWordList.class.getResourceAsStream(RESOURCE)) {
      Invariants.check(in != null, "resource %s is missing from the crypto jar", RESOURCE);
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        words.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the BIP-39 English word list", e);
    }
    // A damaged resource would silently derive other keys, so its shape is checked once here.
    Invariants.check(
        words.size() == WORD_COUNT, "%s: expected %d words, found %d", RESOURCE, WORD_COUNT, words.size());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      Invariants.check(
          word.matches("[a-z]{3,8}"), "%s: line %d is not a lower-case word", RESOURCE, i + 1);
      Invariants.check(
          i == 0 || words.get(i - 1).compareTo(word) < 0,
          "%s: line %d is out of order or repeated",
          RESOURCE,
          i + 1);
    }
    return Collections.unmodifiableList(words);
  }
}
