package org.xinlian.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.MnemonicUtils;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;

/** Parsing, refusal of bad mnemonics with precise messages, normalisation and the word list. */
class MnemonicTest {
  private static final String ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  /** BIP-39 reference vector 1 (trezor vectors.json): this seed for {@link #ABOUT} with "TREZOR". */
  private static final String ABOUT_TREZOR_SEED =
      "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04";

  @Test
  @DisplayName("CRYPTO-27: the word list is the official English list")
  void theWordListIsTheOfficialEnglishList() throws IOException {
    // SHA-256 of bitcoin/bips bip-0039/english.txt, as published with the word lists (and pinned by
    // python-mnemonic and other implementations).
    byte[] resource;
    try (InputStream in = EnglishWordList.class.getResourceAsStream("bip39-english.txt")) {
      resource = in.readAllBytes();
    }
    assertEquals(
        "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
        Hex.encodeBare(Base58Check.sha256(resource)));
    assertEquals(MnemonicUtils.getWords(), EnglishWordList.words(), "web3j's copy of the list");
  }

  @Test
  @DisplayName("CRYPTO-27: a word outside the list is refused by position")
  void wrongWordIsRefusedByPosition() {
    String phrase = ABOUT.replaceFirst("about$", "abuot");
    DecodingException e = assertThrows(DecodingException.class, () -> Mnemonic.parse(phrase));
    assertEquals("mnemonic", e.field());
    assertEquals(
        "mnemonic: word 12 of 12 is not in the BIP-39 English word list", e.getMessage());
    assertFalse(e.getMessage().contains("abuot"), "the secret word is not echoed");
  }

  @Test
  @DisplayName("CRYPTO-27: a checksum mismatch is refused")
  void wrongChecksumIsRefused() {
    // "abandon" × 12 has all-zero entropy whose checksum needs "about" as the last word.
    String phrase = "abandon ".repeat(11) + "abandon";
    DecodingException e = assertThrows(DecodingException.class, () -> Mnemonic.parse(phrase));
    assertEquals(
        "mnemonic: checksum mismatch: the words are all in the list but do not form a valid"
            + " mnemonic (a word is wrong, missing or out of order)",
        e.getMessage());
  }

  @Test
  @DisplayName("CRYPTO-27: swapped words fail the checksum")
  void swappedWordsFailTheChecksum() {
    String swapped = "test test test test test test test test test test junk test";
    assertThrows(DecodingException.class, () -> Mnemonic.parse(swapped));
  }

  @Test
  @DisplayName("CRYPTO-27: word counts other than 12 to 24 in steps of 3 are refused")
  void wrongWordCountsAreRefused() {
    for (int count : new int[] {0, 1, 11, 13, 14, 25, 27}) {
      String phrase = "abandon ".repeat(count);
      DecodingException e = assertThrows(DecodingException.class, () -> Mnemonic.parse(phrase));
      assertEquals(
          "mnemonic: expected 12, 15, 18, 21 or 24 words but got " + count, e.getMessage());
    }
  }

  @Test
  @DisplayName("CRYPTO-27: missing and oversized mnemonics are refused")
  void nullAndOversizedInputAreRefused() {
    assertEquals(
        "mnemonic: missing value",
        assertThrows(DecodingException.class, () -> Mnemonic.parse(null)).getMessage());
    String huge = " ".repeat(Mnemonic.PHRASE_CHARS_MAX) + ABOUT;
    assertEquals(
        "mnemonic: longer than 1024 characters (" + huge.length() + ")",
        assertThrows(DecodingException.class, () -> Mnemonic.parse(huge)).getMessage());
  }

  @Test
  @DisplayName("CRYPTO-27: entropy of another length is refused")
  void entropyOfAWrongLengthIsRefused() {
    for (int length : new int[] {0, 4, 15, 17, 33, 36}) {
      DecodingException e =
          assertThrows(DecodingException.class, () -> Mnemonic.fromEntropy(new byte[length]));
      assertEquals("entropy", e.field());
    }
  }

  @Test
  @DisplayName("CRYPTO-27: whitespace and case do not change the seed")
  void whitespaceAndCaseDoNotChangeTheSeed() {
    Mnemonic canonical = Mnemonic.parse(ABOUT);
    Mnemonic messy = Mnemonic.parse("  " + ABOUT.toUpperCase().replace(" ", " \t\n ") + "\n");
    assertEquals(canonical, messy);
    assertEquals(ABOUT, messy.phrase());
    assertEquals(ABOUT_TREZOR_SEED, Hex.encodeBare(messy.seed("TREZOR")));
  }

  @Test
  @DisplayName("CRYPTO-28: the passphrase is NFKD-normalised")
  void passphraseIsNfkdNormalised() {
    Mnemonic mnemonic = Mnemonic.parse(ABOUT);
    // "é" precomposed (NFC) and decomposed (NFD) are one passphrase to a user.
    byte[] composed = mnemonic.seed("caf\u00e9");
    byte[] decomposed = mnemonic.seed("cafe\u0301");
    assertArrayEquals(composed, decomposed);
    // web3j does not normalise, so it gets the NFKD form, which is what BIP-39 hashes.
    assertArrayEquals(MnemonicUtils.generateSeed(ABOUT, "cafe\u0301"), composed);
  }

  @Test
  @DisplayName("CRYPTO-28: a null passphrase is the empty one")
  void nullPassphraseIsTheEmptyPassphrase() {
    Mnemonic mnemonic = Mnemonic.parse(ABOUT);
    assertArrayEquals(mnemonic.seed(""), mnemonic.seed(null));
    assertArrayEquals(MnemonicUtils.generateSeed(ABOUT, ""), mnemonic.seed(null));
  }

  @Test
  @DisplayName("CRYPTO-28: oversized and ill-formed passphrases are refused")
  void badPassphrasesAreRefused() {
    Mnemonic mnemonic = Mnemonic.parse(ABOUT);
    DecodingException tooLong =
        assertThrows(
            DecodingException.class,
            () -> mnemonic.seed("x".repeat(Mnemonic.PASSPHRASE_CHARS_MAX + 1)));
    assertEquals("passphrase: longer than 1024 characters (1025)", tooLong.getMessage());
    DecodingException surrogate =
        assertThrows(DecodingException.class, () -> mnemonic.seed("a\ud800b"));
    assertEquals("passphrase", surrogate.field());
  }

  @Test
  @DisplayName("CRYPTO-27: toString does not reveal the words")
  void toStringDoesNotRevealTheWords() {
    assertEquals("Mnemonic[12 words, redacted]", Mnemonic.parse(ABOUT).toString());
  }
}
