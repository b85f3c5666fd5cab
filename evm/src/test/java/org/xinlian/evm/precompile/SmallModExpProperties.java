package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The 64-bit MODEXP path agrees with BigInteger.modPow, the reference, on every modulus shape:
 * odd, even, powers of two, 1, above 2^63, and through the precompile's byte interface.
 */
class SmallModExpProperties {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  @Provide
  Arbitrary<BigInteger> moduli() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ONE, TWO_64.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> high = Arbitraries.bigIntegers()
        .between(BigInteger.ONE.shiftLeft(63), TWO_64.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> powerTimesOdd = Arbitraries.integers().between(0, 63)
        .flatMap(twos -> Arbitraries.bigIntegers()
            .between(BigInteger.ONE, BigInteger.ONE.shiftLeft(64 - twos).subtract(BigInteger.ONE))
            .map(odd -> odd.setBit(0).shiftLeft(twos)))
        .filter(m -> m.bitLength() <= 64);
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
        BigInteger.ONE.shiftLeft(63), TWO_64.subtract(BigInteger.ONE), TWO_64.subtract(BigInteger.TWO),
        BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE));
    return Arbitraries.oneOf(any, high, powerTimesOdd, edges);
  }

  @Provide
  Arbitrary<byte[]> exponents() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40),
        Arbitraries.integers().between(0, 300).map(length -> filled(length, 0xff)),
        Arbitraries.of(new byte[0], new byte[] {0}, new byte[] {1}, new byte[] {0, 0, 2}));
  }

  @Provide
  Arbitrary<BigInteger> bases() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(200)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO_64),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, TWO_64.subtract(BigInteger.ONE)));
  }

  @Property(tries = 3000)
  void agreesWithBigInteger(@ForAll("bases") BigInteger base, @ForAll("exponents") byte[] exponent,
      @ForAll("moduli") BigInteger modulus) {
    BigInteger expected = base.modPow(new BigInteger(1, exponent), modulus);
    assertEquals(expected, SmallModExp.unsigned(SmallModExp.modPow(base, exponent, modulus)),
        () -> base + "^0x" + new BigInteger(1, exponent).toString(16) + " mod " + modulus);
  }

  /** Through the precompile: lengths, padding and the zero-length edge cases around the fast path. */
  @Property(tries = 1000)
  void precompileAgreesWithBigInteger(@ForAll("bases") BigInteger base, @ForAll("exponents") byte[] exponent,
      @ForAll("moduli") BigInteger modulus) {
    int baseLength = (base.bitLength() + 7) / 8;
    int modulusLength = (modulus.bitLength() + 7) / 8 + (modulus.testBit(0) ? 0 : 1);
    byte[] input = new byte[96 + baseLength + exponent.length + modulusLength];
    put(input, 0, 32, BigInteger.valueOf(baseLength));
    put(input, 32, 32, BigInteger.valueOf(exponent.length));
    put(input, 64, 32, BigInteger.valueOf(modulusLength));
    put(input, 96, baseLength, base);
    System.arraycopy(exponent, 0, input, 96 + baseLength, exponent.length);
    put(input, 96 + baseLength + exponent.length, modulusLength, modulus);
    byte[] expected = new byte[modulusLength];
    put(expected, 0, modulusLength, base.modPow(new BigInteger(1, exponent), modulus));
    assertEquals(Arrays.toString(expected),
        Arrays.toString(new ModExpPrecompile().execute(input).orElseThrow()));
  }

  /** The cases a slip in REDC's carry would break: products near 2^128 for moduli near 2^64. */
  @Test
  void modulusJustBelowTwoToThe64() {
    BigInteger modulus = TWO_64.subtract(BigInteger.valueOf(59));
    for (BigInteger base : new BigInteger[] {modulus.subtract(BigInteger.ONE), modulus.subtract(BigInteger.TWO),
        BigInteger.ONE.shiftLeft(63)}) {
      byte[] exponent = filled(64, 0xff);
      assertEquals(base.modPow(new BigInteger(1, exponent), modulus),
          SmallModExp.unsigned(SmallModExp.modPow(base, exponent, modulus)));
    }
  }

  private static void put(byte[] out, int offset, int length, BigInteger value) {
    byte[] bytes = value.toByteArray();
    int copy = Math.min(length, bytes.length);
    System.arraycopy(bytes, bytes.length - copy, out, offset + length - copy, copy);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
