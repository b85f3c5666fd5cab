package org.xinlian.evm.word;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Word arithmetic against BigInteger renderings of the Yellow Paper appendix H definitions, and
 * the shift vectors published in EIP-145.
 */
class WordsTest {
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

  @Provide
  Arbitrary<BigInteger> words() {
    Arbitrary<BigInteger> full = Arbitraries.bigIntegers().between(BigInteger.ZERO, MODULUS.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300));
    Arbitrary<BigInteger> edges = Arbitraries.of(
        BigInteger.ZERO, BigInteger.ONE, MODULUS.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255),
        BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE));
    Arbitrary<BigInteger> longs = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, full), net.jqwik.api.Tuple.of(2, small),
        net.jqwik.api.Tuple.of(2, edges), net.jqwik.api.Tuple.of(2, longs));
  }

  private static UInt256 w(BigInteger value) {
    return UInt256.fromBigInteger(value);
  }

  private static BigInteger signed(BigInteger value) {
    return value.testBit(255) ? value.subtract(MODULUS) : value;
  }

  private static BigInteger wrap(BigInteger value) {
    return value.mod(MODULUS);
  }

  @Property
  void arithmeticMatchesTheDefinitions(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b,
      @ForAll("words") BigInteger m) {
    assertEquals(wrap(a.add(b)), Words.add(w(a), w(b)).toBigInteger(), "ADD");
    assertEquals(wrap(a.subtract(b)), Words.sub(w(a), w(b)).toBigInteger(), "SUB");
    assertEquals(wrap(a.multiply(b)), Words.mul(w(a), w(b)).toBigInteger(), "MUL");
    assertEquals(b.signum() == 0 ? BigInteger.ZERO : a.divide(b), Words.div(w(a), w(b)).toBigInteger(), "DIV");
    assertEquals(b.signum() == 0 ? BigInteger.ZERO : a.mod(b), Words.mod(w(a), w(b)).toBigInteger(), "MOD");
    BigInteger sa = signed(a);
    BigInteger sb = signed(b);
    // Yellow Paper: SDIV is sgn(a*b) * floor(|a / b|), i.e. truncation; BigInteger.divide truncates.
    assertEquals(sb.signum() == 0 ? BigInteger.ZERO : wrap(sa.divide(sb)), Words.sdiv(w(a), w(b)).toBigInteger(), "SDIV");
    // SMOD takes the sign of the dividend; BigInteger.remainder does too.
    assertEquals(sb.signum() == 0 ? BigInteger.ZERO : wrap(sa.remainder(sb)), Words.smod(w(a), w(b)).toBigInteger(), "SMOD");
    assertEquals(m.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(m), Words.addmod(w(a), w(b), w(m)).toBigInteger(), "ADDMOD");
    assertEquals(m.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(m), Words.mulmod(w(a), w(b), w(m)).toBigInteger(), "MULMOD");
    assertEquals(a.modPow(b, MODULUS), Words.exp(w(a), w(b)).toBigInteger(), "EXP");
    assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(w(a).compareTo(w(b))), "LT/GT");
    assertEquals(Integer.signum(sa.compareTo(sb)), Integer.signum(w(a).compareSigned(w(b))), "SLT/SGT");
  }

  /** Words built from extreme 32-bit limbs, which drive algorithm D into its rare correction steps. */
  @Provide
  Arbitrary<BigInteger> limbPatterns() {
    Arbitrary<Long> limb = Arbitraries.oneOf(
        Arbitraries.of(0L, 1L, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, 0xffff_fffeL),
        Arbitraries.longs().between(0, 0xffff_ffffL));
    return limb.list().ofSize(8).map(limbs -> {
      BigInteger value = BigInteger.ZERO;
      for (long l : limbs) {
        value = value.shiftLeft(32).or(BigInteger.valueOf(l));
      }
      return value;
    });
  }

  @Property(tries = 5000)
  void divisionMatchesOnExtremeLimbs(@ForAll("limbPatterns") BigInteger a, @ForAll("limbPatterns") BigInteger b,
      @ForAll("limbPatterns") BigInteger m) {
    assertEquals(b.signum() == 0 ? BigInteger.ZERO : a.divide(b), Words.div(w(a), w(b)).toBigInteger(), "DIV");
    assertEquals(b.signum() == 0 ? BigInteger.ZERO : a.mod(b), Words.mod(w(a), w(b)).toBigInteger(), "MOD");
    assertEquals(m.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(m), Words.addmod(w(a), w(b), w(m)).toBigInteger(), "ADDMOD");
    assertEquals(m.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(m), Words.mulmod(w(a), w(b), w(m)).toBigInteger(), "MULMOD");
  }

  @Property
  void bitOperationsMatchTheDefinitions(@ForAll("words") BigInteger value, @ForAll("words") BigInteger shiftOrIndex) {
    int n = shiftOrIndex.bitLength() > 31 ? Integer.MAX_VALUE : shiftOrIndex.intValue();
    BigInteger shl = n >= 256 ? BigInteger.ZERO : wrap(value.shiftLeft(n));
    assertEquals(shl, Words.shl(w(value), w(shiftOrIndex)).toBigInteger(), "SHL");
    BigInteger shr = n >= 256 ? BigInteger.ZERO : value.shiftRight(n);
    assertEquals(shr, Words.shr(w(value), w(shiftOrIndex)).toBigInteger(), "SHR");
    BigInteger sar = wrap(signed(value).shiftRight(Math.min(n, 256)));
    assertEquals(sar, Words.sar(w(value), w(shiftOrIndex)).toBigInteger(), "SAR");
    BigInteger byteAt = n >= 32 ? BigInteger.ZERO : value.shiftRight(8 * (31 - n)).and(BigInteger.valueOf(0xFF));
    assertEquals(byteAt, Words.byteAt(w(shiftOrIndex), w(value)).toBigInteger(), "BYTE");
    BigInteger extended;
    if (n >= 31) {
      extended = value;
    } else {
      int bits = 8 * (n + 1);
      BigInteger low = value.mod(BigInteger.ONE.shiftLeft(bits));
      extended = low.testBit(bits - 1) ? wrap(low.subtract(BigInteger.ONE.shiftLeft(bits))) : low;
    }
    assertEquals(extended, Words.signExtend(w(shiftOrIndex), w(value)).toBigInteger(), "SIGNEXTEND");
    assertEquals(MODULUS.subtract(BigInteger.ONE).subtract(value), Words.not(w(value)).toBigInteger(), "NOT");
  }

  @Property
  void bytesRoundTrip(@ForAll("words") BigInteger value) {
    UInt256 word = w(value);
    assertEquals(word, UInt256.fromBytes(word.toBytes()));
    assertEquals(value, new BigInteger(1, word.toBytes()));
    assertEquals(word, UInt256.fromBytes(word.toMinimalBytes()));
  }

  private static final String ONES = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
  private static final String HIGH = "8000000000000000000000000000000000000000000000000000000000000000";

  /** The test cases listed in EIP-145 ("Bitwise shifting instructions in EVM"). */
  @ParameterizedTest
  @CsvSource({
    "SHL, 01, 00, 01",
    "SHL, 01, 01, 02",
    "SHL, 01, ff, " + HIGH,
    "SHL, 01, 0100, 00",
    "SHL, 01, 0101, 00",
    "SHL, " + ONES + ", 00, " + ONES,
    "SHL, " + ONES + ", 01, fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
    "SHL, " + ONES + ", ff, " + HIGH,
    "SHL, " + ONES + ", 0100, 00",
    "SHL, 00, 01, 00",
    "SHL, 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 01, fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
    "SHR, 01, 00, 01",
    "SHR, 01, 01, 00",
    "SHR, " + HIGH + ", 01, 4000000000000000000000000000000000000000000000000000000000000000",
    "SHR, " + HIGH + ", ff, 01",
    "SHR, " + HIGH + ", 0100, 00",
    "SHR, " + HIGH + ", 0101, 00",
    "SHR, " + ONES + ", 00, " + ONES,
    "SHR, " + ONES + ", 01, 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "SHR, " + ONES + ", ff, 01",
    "SHR, " + ONES + ", 0100, 00",
    "SHR, 00, 01, 00",
    "SAR, 01, 00, 01",
    "SAR, 01, 01, 00",
    "SAR, " + HIGH + ", 01, c000000000000000000000000000000000000000000000000000000000000000",
    "SAR, " + HIGH + ", ff, " + ONES,
    "SAR, " + HIGH + ", 0100, " + ONES,
    "SAR, " + HIGH + ", 0101, " + ONES,
    "SAR, " + ONES + ", 00, " + ONES,
    "SAR, " + ONES + ", 01, " + ONES,
    "SAR, " + ONES + ", ff, " + ONES,
    "SAR, " + ONES + ", 0100, " + ONES,
    "SAR, 00, 01, 00",
    "SAR, 4000000000000000000000000000000000000000000000000000000000000000, fe, 01",
    "SAR, 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, f8, 7f",
    "SAR, 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, fe, 01",
    "SAR, 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, ff, 00",
    "SAR, 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 0100, 00",
  })
  void eip145Vectors(String operation, String value, String shift, String expected) {
    UInt256 v = UInt256.fromBigInteger(new BigInteger(value, 16));
    UInt256 s = UInt256.fromBigInteger(new BigInteger(shift, 16));
    UInt256 result = switch (operation) {
      case "SHL" -> Words.shl(v, s);
      case "SHR" -> Words.shr(v, s);
      default -> Words.sar(v, s);
    };
    assertEquals(new BigInteger(expected, 16), result.toBigInteger());
  }
}
