package org.xinlian.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hex;

/** The RoMix fallback of {@link Scrypt} against RFC 7914 and BouncyCastle. */
class ScryptTest {
  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** RFC 7914 §12 test vectors (also reproduced with `openssl kdf ... SCRYPT`). */
  @Test
  void roMixMatchesRfc7914Vectors() {
    assertEquals(
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
            + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
        Hex.encodeBare(Scrypt.deriveWithRoMix(new byte[0], new byte[0], 16, 1, 1, 64)));
    assertEquals(
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
            + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
        Hex.encodeBare(Scrypt.deriveWithRoMix(ascii("password"), ascii("NaCl"), 1024, 8, 16, 64)));
    assertEquals(
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
            + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887",
        Hex.encodeBare(
            Scrypt.deriveWithRoMix(ascii("pleaseletmein"), ascii("SodiumChloride"), 16384, 8, 1, 64)));
  }

  /**
   * The Web3 Secret Storage Definition's scrypt vector (n = 2^18, r = 1, p = 8), which
   * BouncyCastle refuses: the definition lists its derived key among the intermediates.
   */
  @Test
  void derivesTheDefinitionsScryptIntermediate() {
    assertEquals(
        "fac192ceb5fd772906bea3e118a69e8bbb5cc24229e20d8766fd298291bba6bd",
        Hex.encodeBare(
            Scrypt.derive(
                ascii("testpassword"),
                Hex.decode("ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"),
                1 << 18, 1, 8, 32)));
  }

  @Property(tries = 60)
  void roMixAgreesWithBouncyCastle(
      @ForAll @Size(max = 24) byte[] password,
      @ForAll @Size(max = 40) byte[] salt,
      @ForAll @IntRange(min = 1, max = 9) int logN,
      @ForAll @IntRange(min = 1, max = 4) int r,
      @ForAll @IntRange(min = 1, max = 3) int p,
      @ForAll @IntRange(min = 1, max = 80) int length) {
    int n = 1 << logN;
    assertArrayEquals(
        SCrypt.generate(password, salt, n, r, p, length),
        Scrypt.deriveWithRoMix(password, salt, n, r, p, length));
  }
}
