package org.xinlian.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoException;

/** The edge cases of BIP-32 that no test vector reaches (their probability is below 2^-127). */
class HdExtendedPrivateKeyTest {
  /** secp256k1's n from SEC 2 v2, §2.4.1, independent of the code's constant. */
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private static byte[] hmacWithLeftHalf(BigInteger left) {
    byte[] hmac = new byte[64];
    byte[] bytes = left.toByteArray();
    int copy = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - copy, hmac, 32 - copy, copy);
    return hmac;
  }

  @Test
  @DisplayName("CRYPTO-29: n is the secp256k1 order")
  void orderIsSecp256k1() {
    assertEquals(N, ExtendedPrivateKey.ORDER);
  }

  @Test
  @DisplayName("CRYPTO-30: I_L at or above n is an invalid child")
  void leftHalfAtOrAboveTheOrderIsAnInvalidChild() {
    CryptoException e =
        assertThrows(
            CryptoException.class,
            () -> ExtendedPrivateKey.childScalar(BigInteger.ONE, hmacWithLeftHalf(N), 5));
    assertEquals(
        "child 5: I_L is not below the secp256k1 order; BIP-32 calls this child invalid, use the"
            + " next child number",
        e.getMessage());
    assertThrows(
        CryptoException.class,
        () ->
            ExtendedPrivateKey.childScalar(
                BigInteger.ONE, hmacWithLeftHalf(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
                DerivationPath.hardened(3)));
  }

  @Test
  @DisplayName("CRYPTO-30: a zero child key is an invalid child")
  void zeroChildKeyIsAnInvalidChild() {
    BigInteger parent = BigInteger.valueOf(12345);
    CryptoException e =
        assertThrows(
            CryptoException.class,
            () ->
                ExtendedPrivateKey.childScalar(
                    parent, hmacWithLeftHalf(N.subtract(parent)), DerivationPath.hardened(7)));
    assertEquals(
        "child 7': the child key is zero; BIP-32 calls this child invalid, use the next child number",
        e.getMessage());
  }

  @Test
  @DisplayName("CRYPTO-29: child keys are reduced modulo n")
  void childScalarWrapsModuloTheOrder() {
    BigInteger parent = N.subtract(BigInteger.TWO);
    assertEquals(
        BigInteger.ONE,
        ExtendedPrivateKey.childScalar(parent, hmacWithLeftHalf(BigInteger.valueOf(3)), 0));
  }

  @Test
  @DisplayName("CRYPTO-29: seeds are 16 to 64 bytes")
  void seedLengthIsBounded() {
    for (int length : new int[] {0, 15, 65, 1000}) {
      DecodingException e =
          assertThrows(DecodingException.class, () -> ExtendedPrivateKey.fromSeed(new byte[length]));
      assertEquals(
          "seed: expected 16 to 64 bytes but got " + length, e.getMessage());
    }
    assertThrows(DecodingException.class, () -> ExtendedPrivateKey.fromSeed(null));
  }

  @Test
  @DisplayName("CRYPTO-29: at most 255 levels; toString redacts")
  void depthIsBoundedAndToStringRedacts() {
    ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(new byte[16]);
    assertEquals("ExtendedPrivateKey[depth 0, redacted]", master.toString());
    ExtendedPrivateKey deep = master.derive(DerivationPath.parse("m" + "/1".repeat(200)));
    assertEquals(200, deep.depth());
    assertThrows(
        IllegalStateException.class,
        () -> deep.derive(DerivationPath.parse("m" + "/1".repeat(56))));
  }
}
