package org.xinlian.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;

class HdDerivationPathTest {
  private static final int H = DerivationPath.HARDENED_BIT;

  @Test
  @DisplayName("CRYPTO-31: hardened and normal levels parse and print")
  void parsesHardenedAndNormalLevels() {
    DerivationPath path = DerivationPath.parse("m/44'/60h/0H/0/7");
    assertArrayEquals(new int[] {44 | H, 60 | H, H, 0, 7}, path.childNumbers());
    assertEquals("m/44'/60'/0'/0/7", path.toString());
    assertEquals(DerivationPath.ethereumAccount(7), path);
    assertEquals(5, path.depth());
  }

  @Test
  @DisplayName("CRYPTO-29, CRYPTO-31: the master path and the index and depth limits")
  void masterAndLimits() {
    assertEquals(DerivationPath.master(), DerivationPath.parse("m"));
    assertEquals("m", DerivationPath.master().toString());
    DerivationPath extremes = DerivationPath.parse("m/2147483647/2147483647'");
    assertArrayEquals(new int[] {Integer.MAX_VALUE, -1}, extremes.childNumbers());
    assertEquals("m/2147483647/2147483647'", extremes.toString());
    DerivationPath deepest = DerivationPath.parse("m" + "/0".repeat(DerivationPath.DEPTH_MAX));
    assertEquals(DerivationPath.DEPTH_MAX, deepest.depth());
    assertThrows(IllegalArgumentException.class, () -> deepest.child(0));
  }

  @Test
  @DisplayName("CRYPTO-31: malformed paths are refused naming the level")
  void refusesMalformedPathsNamingTheLevel() {
    assertMessage(null, "derivationPath: missing value");
    assertMessage("", "derivationPath: must start with 'm' (the master key), as in m/44'/60'/0'/0/0");
    assertMessage("44'/60'", "derivationPath: must start with 'm' (the master key), as in m/44'/60'/0'/0/0");
    assertMessage("M/0", "derivationPath: must start with 'm' (the master key), as in m/44'/60'/0'/0/0");
    assertMessage("m/", "derivationPath: level 1 is empty");
    assertMessage("m/44'//0", "derivationPath: level 2 is empty");
    assertMessage("m/44'/0/", "derivationPath: level 3 is empty");
    assertMessage("m/44''", "derivationPath: level 1 (\"44''\") is not a decimal index, optionally followed by '");
    assertMessage("m/-1", "derivationPath: level 1 (\"-1\") is not a decimal index, optionally followed by '");
    assertMessage("m/+1", "derivationPath: level 1 (\"+1\") is not a decimal index, optionally followed by '");
    assertMessage("m/ 1", "derivationPath: level 1 (\" 1\") is not a decimal index, optionally followed by '");
    assertMessage("m/'", "derivationPath: level 1 (\"'\") is not a decimal index, optionally followed by '");
    assertMessage("m/0x10", "derivationPath: level 1 (\"0x10\") is not a decimal index, optionally followed by '");
    assertMessage("m/١", "derivationPath: level 1 (\"١\") is not a decimal index, optionally followed by '");
    assertMessage("m/01", "derivationPath: level 1 (\"01\") has a leading zero");
    assertMessage(
        "m/0/2147483648",
        "derivationPath: level 2 index 2147483648 is above 2147483647 (hardened levels are written"
            + " with ', not as numbers ≥ 2^31)");
    assertMessage(
        "m/99999999999999999999999'",
        "derivationPath: level 1 index 99999999999999999999999 is above 2147483647 (hardened levels"
            + " are written with ', not as numbers ≥ 2^31)");
    assertMessage(
        "m" + "/0".repeat(DerivationPath.DEPTH_MAX + 1),
        "derivationPath: has 256 levels; BIP-32 allows at most 255");
    String huge = "m" + "/1".repeat(DerivationPath.TEXT_CHARS_MAX);
    assertMessage(huge, "derivationPath: longer than 4096 characters (" + huge.length() + ")");
  }

  @Test
  @DisplayName("CRYPTO-31: negative indices are programming errors")
  void negativeIndicesAreProgrammingErrors() {
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.ethereumAccount(-1));
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.hardened(-1));
  }

  private static void assertMessage(String text, String message) {
    DecodingException e = assertThrows(DecodingException.class, () -> DerivationPath.parse(text));
    assertEquals(message, e.getMessage());
    assertEquals("derivationPath", e.field());
  }
}
