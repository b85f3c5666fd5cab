package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.Signature;

/** Precompiles 0x01-0x09 against published vectors and algebraic laws. */
class PrecompilesTest {
  private final Precompiles precompiles = Precompiles.cancun();
  private static final BigInteger SECP256K1_ORDER =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private byte[] run(int address, byte[] input) {
    return precompiles.run(Precompiles.address(address), input, 10_000_000).orElseThrow().output();
  }

  private static byte[] word(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bytes = value.toByteArray();
    int length = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    byte[] out = new byte[0];
    for (byte[] part : parts) {
      byte[] next = Arrays.copyOf(out, out.length + part.length);
      System.arraycopy(part, 0, next, out.length, part.length);
      out = next;
    }
    return out;
  }

  @Test
  void ecrecoverReturnsTheSignerAlsoForHighS() {
    CryptoSuite suite = CryptoSuites.standard();
    KeyPair keys = suite.keyPairFromPrivateKey(Hex.decode("4646464646464646464646464646464646464646464646464646464646464646"));
    byte[] digest = Keccak256.hash("xinlian".getBytes(StandardCharsets.UTF_8));
    Signature signature = suite.sign(keys.privateKey(), digest);
    Address signer = suite.address(keys.publicKey());
    byte[] expected = concat(new byte[12], signer.toArray());

    byte[] low = concat(digest, word(BigInteger.valueOf(27 + signature.recoveryId())),
        word(signature.r()), word(signature.s()));
    assertArrayEquals(expected, run(1, low));
    // (r, n - s) with the other parity is the same signature in high-s form (EIP-2 background).
    byte[] high = concat(digest, word(BigInteger.valueOf(28 - signature.recoveryId())),
        word(signature.r()), word(SECP256K1_ORDER.subtract(signature.s())));
    assertArrayEquals(expected, run(1, high));
    // v outside {27, 28} or s = 0: the call succeeds with empty output.
    byte[] badV = concat(digest, word(BigInteger.valueOf(29)), word(signature.r()), word(signature.s()));
    assertEquals(0, run(1, badV).length);
    byte[] zeroS = concat(digest, word(BigInteger.valueOf(27)), word(signature.r()), new byte[32]);
    assertEquals(0, run(1, zeroS).length);
  }

  @Test
  void hashPrecompilesMatchPublishedDigests() {
    // FIPS 180-2 appendix B.1: SHA-256("abc")
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Hex.encodeBare(run(2, "abc".getBytes(StandardCharsets.US_ASCII))));
    // RIPEMD-160 paper (Dobbertin, Bosselaers, Preneel) test vector for "abc", left-padded
    assertEquals("0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        Hex.encodeBare(run(3, "abc".getBytes(StandardCharsets.US_ASCII))));
    assertArrayEquals(new byte[] {1, 2, 3}, run(4, new byte[] {1, 2, 3}));
  }

  @Test
  void gasFollowsTheYellowPaper() {
    byte[] sixtyFiveBytes = new byte[65];
    assertEquals(60 + 12 * 3, new Sha256Precompile().gas(sixtyFiveBytes));
    assertEquals(600 + 120 * 3, new Ripemd160Precompile().gas(sixtyFiveBytes));
    assertEquals(15 + 3 * 3, new IdentityPrecompile().gas(sixtyFiveBytes));
    assertTrue(precompiles.run(Precompiles.address(2), sixtyFiveBytes, 95).isEmpty());
    assertTrue(precompiles.run(Precompiles.address(2), sixtyFiveBytes, 96).isPresent());
  }

  /** EIP-198's own examples, repriced by EIP-2565. */
  @Test
  void modexpMatchesEip198Examples() {
    // 3^(p-1) mod p = 1 for p = 2^256 - 2^32 - 977 (Fermat), from EIP-198
    String input = "0000000000000000000000000000000000000000000000000000000000000001"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "03"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
    byte[] bytes = Hex.decode(input);
    assertEquals(BigInteger.ONE, new BigInteger(1, run(5, bytes)));
    // EIP-2565: words = 4, complexity 16, iterations 255 -> 16 * 255 / 3 = 1360
    assertEquals(1360, new ModExpPrecompile().gas(bytes));
    // Zero modulus yields zeros of the modulus length (EIP-198 second example); the price still
    // counts the modulus length: 16 * 255 / 3.
    String zeroModulus = "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";
    assertArrayEquals(new byte[32], run(5, Hex.decode(zeroModulus)));
    assertEquals(1360, new ModExpPrecompile().gas(Hex.decode(zeroModulus)));
    // All lengths zero: the EIP-2565 minimum of 200 and empty output.
    assertEquals(200, new ModExpPrecompile().gas(new byte[96]));
    assertEquals(0, run(5, new byte[96]).length);
  }

  /** EIP-152 test vector 5: BLAKE2b-512("abc") from RFC 7693 appendix A, 12 rounds. */
  @Test
  void blake2fComputesRfc7693Abc() {
    byte[] input = new byte[Blake2fPrecompile.INPUT_BYTES];
    input[3] = 12;
    long[] iv = {
      0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
      0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
    };
    iv[0] ^= 0x01010040L; // parameter block: digest length 64, fanout 1, depth 1
    for (int i = 0; i < 8; i++) {
      for (int b = 0; b < 8; b++) {
        input[4 + 8 * i + b] = (byte) (iv[i] >>> (8 * b));
      }
    }
    input[68] = 'a';
    input[69] = 'b';
    input[70] = 'c';
    input[196] = 3;
    input[212] = 1;
    assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        Hex.encodeBare(run(9, input)));
    assertEquals(12, new Blake2fPrecompile().gas(input));
    input[212] = 2;
    assertTrue(precompiles.run(Precompiles.address(9), input, 100).isEmpty());
    assertTrue(precompiles.run(Precompiles.address(9), new byte[212], 100).isEmpty());
  }

  private static final BigInteger G2_X_IMAGINARY = new BigInteger(
      "11559732032986387107991004021392285783925812861821192530917403151452391805634");
  private static final BigInteger G2_X_REAL = new BigInteger(
      "10857046999023057135944570762232829481370756359578518086990519993285655852781");
  private static final BigInteger G2_Y_IMAGINARY = new BigInteger(
      "4082367875863433681332203403145435568316851327593401208105741076214120093531");
  private static final BigInteger G2_Y_REAL = new BigInteger(
      "8495653923123431417604973247489272438418190587263600148770280649306958101930");

  private static byte[] g2(ReferenceAltBn128.G2 point) {
    return concat(word(point.x().b()), word(point.x().a()), word(point.y().b()), word(point.y().a()));
  }

  /** EIP-196/197 with the generators EIP-197 lists; expected values follow from bilinearity. */
  @Test
  void altBn128AddMultiplyAndPairing() {
    byte[] generator = concat(word(BigInteger.ONE), word(BigInteger.TWO));
    byte[] doubled = run(6, concat(generator, generator));
    assertArrayEquals(doubled, run(7, concat(generator, word(BigInteger.TWO))));
    // 2G, cross-checked with an independent affine doubling in Python (y^2 = x^3 + 3 over p)
    assertEquals("030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
        + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4", Hex.encodeBare(doubled));
    // n * G is infinity; a point off the curve is rejected (the call fails)
    assertArrayEquals(new byte[64], run(7, concat(generator, word(AltBn128.ORDER))));
    byte[] offCurve = concat(word(BigInteger.ONE), word(BigInteger.valueOf(3)));
    assertTrue(precompiles.run(Precompiles.address(6), concat(offCurve, generator), 1000).isEmpty());

    ReferenceAltBn128.G2 q = new ReferenceAltBn128.G2(new ReferenceAltBn128.Fq2(G2_X_REAL, G2_X_IMAGINARY),
        new ReferenceAltBn128.Fq2(G2_Y_REAL, G2_Y_IMAGINARY));
    byte[] negatedGenerator = concat(word(BigInteger.ONE), word(AltBn128.P.subtract(BigInteger.TWO)));
    byte[] one = word(BigInteger.ONE);
    // e(G, Q) * e(-G, Q) = 1
    assertArrayEquals(one, run(8, concat(generator, g2(q), negatedGenerator, g2(q))));
    // e(2G, Q) * e(-G, 2Q) = 1
    ReferenceAltBn128.G2 doubledQ = ReferenceAltBn128.multiplyG2(q, BigInteger.TWO);
    assertArrayEquals(one, run(8, concat(doubled, g2(q), negatedGenerator, g2(doubledQ))));
    // e(G, Q) alone is not one (non-degeneracy); the empty product is one
    assertArrayEquals(new byte[32], run(8, concat(generator, g2(q))));
    assertArrayEquals(one, run(8, new byte[0]));
    // EIP-1108: 34,000 * k + 45,000
    assertEquals(34_000 * 2 + 45_000, new AltBn128Precompiles.Pairing().gas(new byte[384]));
    assertTrue(precompiles.run(Precompiles.address(8), new byte[191], 1_000_000).isEmpty());
  }

  @Test
  void unknownAddressesAreNotPrecompiles() {
    assertTrue(precompiles.contains(Precompiles.address(9)));
    assertTrue(!precompiles.contains(Precompiles.address(0x0b)));
  }
}
