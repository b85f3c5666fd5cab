package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The alt_bn128 base field and its tower (EVM-14's arithmetic) against BigInteger and the field
 * laws: Montgomery arithmetic, Pornin inversion, the word codec, the wNAF recoding, F_p^2/6/12
 * products and inverses, Frobenius maps as p-th powers, and the special-purpose squarings and
 * sparse products against their general counterparts.
 */
class Bn254FieldTest {
  private static final BigInteger P = Bn254Fp.P;
  private static final Bn254Fp12 ZERO12 = new Bn254Fp12(Bn254Fp6.ZERO, Bn254Fp6.ZERO);

  @Provide
  Arbitrary<BigInteger> elements() {
    Arbitrary<BigInteger> uniform = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.shiftRight(1), P.shiftRight(1).add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192),
        BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(253).subtract(BigInteger.ONE));
    Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1 << 20));
    Arbitrary<BigInteger> nearP = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1 << 20))
        .map(P::subtract);
    // Montgomery values with extreme limbs exercise the carries of the CIOS product.
    Arbitrary<BigInteger> limbPatterns = Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xffff_ffffL)
        .list().ofSize(4).map(limbs -> {
          BigInteger value = BigInteger.ZERO;
          for (long limb : limbs) {
            value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limb)));
          }
          return value.mod(P);
        });
    return Arbitraries.frequencyOf(Tuple.of(5, uniform), Tuple.of(2, edges), Tuple.of(1, small),
        Tuple.of(1, nearP), Tuple.of(2, limbPatterns));
  }

  private static Bn254Fp fp(BigInteger value) {
    return Bn254Fp.fromBigInteger(value);
  }

  @Property(tries = 2000)
  void baseFieldMatchesBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    assertEquals(a.add(b).mod(P), fp(a).add(fp(b)).toBigInteger(), "add");
    assertEquals(a.subtract(b).mod(P), fp(a).subtract(fp(b)).toBigInteger(), "subtract");
    assertEquals(a.multiply(b).mod(P), fp(a).multiply(fp(b)).toBigInteger(), "multiply");
    assertEquals(a.multiply(a).mod(P), fp(a).square().toBigInteger(), "square");
    assertEquals(a.negate().mod(P), fp(a).negate().toBigInteger(), "negate");
    assertEquals(a.shiftLeft(1).mod(P), fp(a).doubled().toBigInteger(), "double");
    assertEquals(fp(a), fp(a.add(P)), "reduced representation");
    BigInteger nine = BigInteger.valueOf(9);
    assertEquals(a.multiply(nine).subtract(b).mod(P), Bn254SmallMultiples.nineTimesMinus(fp(a), fp(b)).toBigInteger(), "9a - b");
    assertEquals(a.multiply(nine).add(b).mod(P), Bn254SmallMultiples.nineTimesPlus(fp(a), fp(b)).toBigInteger(), "9a + b");
    BigInteger three = BigInteger.valueOf(3);
    assertEquals(a.multiply(three).subtract(b.shiftLeft(1)).mod(P), Bn254SmallMultiples.threeTimesMinusTwice(fp(a), fp(b)).toBigInteger());
    assertEquals(a.multiply(three).add(b.shiftLeft(1)).mod(P), Bn254SmallMultiples.threeTimesPlusTwice(fp(a), fp(b)).toBigInteger());
  }

  @Property(tries = 2000)
  void inversionMatchesModInverse(@ForAll("elements") BigInteger a) {
    BigInteger expected = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
    assertEquals(expected, fp(a).inverse().toBigInteger());
    assertEquals(expected, fp(a).inverseByBigInteger().toBigInteger());
  }

  @Property(tries = 500)
  void wordsRoundTripAndRejectValuesFromP(@ForAll("elements") BigInteger a,
      @ForAll("wordsFromP") BigInteger tooLarge) {
    byte[] word = new byte[40];
    fp(a).writeWord(word, 4);
    assertEquals(a, new BigInteger(1, java.util.Arrays.copyOfRange(word, 4, 36)));
    assertEquals(fp(a), Bn254Fp.fromWord(word, 4));
    byte[] large = new byte[32];
    byte[] bytes = tooLarge.toByteArray();
    int length = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - length, large, 32 - length, length);
    assertNull(Bn254Fp.fromWord(large, 0), "a coordinate >= p is rejected, not reduced");
  }

  @Provide
  Arbitrary<BigInteger> wordsFromP() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    return Arbitraries.oneOf(Arbitraries.of(P, P.add(BigInteger.ONE), max),
        Arbitraries.bigIntegers().between(P, max));
  }

  @Property(tries = 1000)
  void wnafDigitsRecodeTheScalar(@ForAll("scalars") BigInteger k, @ForAll("widths") int width) {
    byte[] digits = Wnaf.digits(k, width);
    BigInteger sum = BigInteger.ZERO;
    int lastNonZero = -width;
    for (int i = digits.length - 1; i >= 0; i--) {
      sum = sum.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
    }
    for (int i = 0; i < digits.length; i++) {
      if (digits[i] != 0) {
        assertTrue((digits[i] & 1) != 0 && Math.abs(digits[i]) < (1 << (width - 1)), "odd and small");
        assertTrue(i - lastNonZero >= width, "at most one non-zero digit in any " + width);
        lastNonZero = i;
      }
    }
    assertEquals(k, sum);
    assertTrue(digits.length == 0 || digits[digits.length - 1] > 0, "trimmed, positive top digit");
    assertTrue(digits.length <= k.bitLength() + 1);
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, max),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, max, Bn254G1.ORDER.subtract(BigInteger.ONE),
            BigInteger.valueOf(0b1011_1111), BigInteger.ONE.shiftLeft(255)));
  }

  @Provide
  Arbitrary<Integer> widths() {
    return Arbitraries.integers().between(2, 8);
  }

  @Provide
  Arbitrary<Bn254Fp2> fp2s() {
    return Combinators.combine(elements(), elements()).as((a, b) -> new Bn254Fp2(fp(a), fp(b)));
  }

  @Provide
  Arbitrary<Bn254Fp6> fp6s() {
    return Combinators.combine(fp2s(), fp2s(), fp2s()).as(Bn254Fp6::new);
  }

  @Provide
  Arbitrary<Bn254Fp12> fp12s() {
    return Combinators.combine(fp6s(), fp6s()).as(Bn254Fp12::new);
  }

  /** F_p^2 against (a + b i)(c + d i) = (ac - bd) + (ad + bc) i in BigInteger. */
  @Property(tries = 500)
  void quadraticExtensionMatchesTheDefinition(@ForAll("fp2s") Bn254Fp2 x, @ForAll("fp2s") Bn254Fp2 y) {
    BigInteger a = x.a.toBigInteger();
    BigInteger b = x.b.toBigInteger();
    BigInteger c = y.a.toBigInteger();
    BigInteger d = y.b.toBigInteger();
    Bn254Fp2 product = x.multiply(y);
    assertEquals(a.multiply(c).subtract(b.multiply(d)).mod(P), product.a.toBigInteger());
    assertEquals(a.multiply(d).add(b.multiply(c)).mod(P), product.b.toBigInteger());
    assertEquals(x.multiply(x), x.square());
    assertEquals(x.multiply(Bn254Fp2.XI), x.multiplyByXi());
    assertEquals(x.add(x), x.doubled());
    if (!x.isZero()) {
      assertEquals(Bn254Fp2.ONE, x.multiply(x.inverse()));
    }
    assertEquals(x.pow(P), x.conjugate(), "the conjugate is the Frobenius map");
  }

  @Property(tries = 200)
  void sexticExtensionIsAField(@ForAll("fp6s") Bn254Fp6 x, @ForAll("fp6s") Bn254Fp6 y, @ForAll("fp6s") Bn254Fp6 z) {
    assertEquals(x.multiply(y), y.multiply(x));
    assertEquals(x.multiply(y).multiply(z), x.multiply(y.multiply(z)));
    assertEquals(x.multiply(y.add(z)), x.multiply(y).add(x.multiply(z)));
    assertEquals(x.multiply(x), x.square());
    assertEquals(x.multiply(new Bn254Fp6(Bn254Fp2.ZERO, Bn254Fp2.ONE, Bn254Fp2.ZERO)), x.multiplyByV());
    Bn254Fp6 sparse = new Bn254Fp6(y.c0, y.c1, Bn254Fp2.ZERO);
    assertEquals(x.multiply(sparse), x.multiplyBy01(y.c0, y.c1));
    assertEquals(x.multiply(new Bn254Fp6(y.c0, Bn254Fp2.ZERO, Bn254Fp2.ZERO)), x.multiply(y.c0));
    if (!x.isZero()) {
      assertEquals(Bn254Fp6.ONE, x.multiply(x.inverse()));
    }
    // v^3 = xi
    Bn254Fp6 v = new Bn254Fp6(Bn254Fp2.ZERO, Bn254Fp2.ONE, Bn254Fp2.ZERO);
    assertEquals(new Bn254Fp6(Bn254Fp2.XI, Bn254Fp2.ZERO, Bn254Fp2.ZERO), v.multiply(v).multiply(v));
  }

  @Property(tries = 50)
  void twelfthExtensionIsAFieldWithFrobeniusMaps(@ForAll("fp12s") Bn254Fp12 x, @ForAll("fp12s") Bn254Fp12 y,
      @ForAll("fp12s") Bn254Fp12 z) {
    assertEquals(x.multiply(y), y.multiply(x));
    assertEquals(x.multiply(y).multiply(z), x.multiply(y.multiply(z)));
    assertEquals(x.multiply(x), x.square());
    if (!x.equals(ZERO12)) {
      assertEquals(Bn254Fp12.ONE, x.multiply(x.inverse()));
    }
    Bn254Fp12 line = new Bn254Fp12(new Bn254Fp6(y.c0.c0, Bn254Fp2.ZERO, Bn254Fp2.ZERO),
        new Bn254Fp6(y.c1.c0, y.c1.c1, Bn254Fp2.ZERO));
    assertEquals(x.multiply(line), x.multiplyByLine(y.c0.c0, y.c1.c0, y.c1.c1));
    // x^(p^6) is the conjugate; the Frobenius maps are the p^k-th powers.
    assertEquals(Bn254TestPoints.pow(x, P.pow(6)), x.conjugate());
    assertEquals(Bn254TestPoints.pow(x, P), x.frobenius(1));
    assertEquals(x.frobenius(1).frobenius(1), x.frobenius(2));
    assertEquals(x.frobenius(2).frobenius(1), x.frobenius(3));
  }

  /** Granger-Scott squaring holds on the cyclotomic subgroup, where the easy part lands. */
  @Property(tries = 50)
  void cyclotomicSquareAgreesWithSquareOnTheCyclotomicSubgroup(@ForAll("fp12s") Bn254Fp12 x) {
    Assume.that(!x.equals(ZERO12));
    Bn254Fp12 t = x.conjugate().multiply(x.inverse());
    Bn254Fp12 m = t.frobenius(2).multiply(t);
    assertEquals(m.square(), m.cyclotomicSquare());
    assertEquals(Bn254Fp12.ONE, m.multiply(m.conjugate()), "the conjugate inverts it");
  }

  @Test
  void frobeniusConstantsArePowersOfXi() {
    // xi^((p^2-1)/2) = -1: xi is not a square in F_p^2 (the sextic twist needs that); and the
    // p^2 constants lie in F_p.
    assertEquals(Bn254Fp2.ONE.negate(), Bn254Fp12.frobeniusCoefficient(2, 3));
    for (int i = 0; i < 6; i++) {
      assertTrue(Bn254Fp12.frobeniusCoefficient(2, i).b.isZero(), "gamma_2," + i + " in F_p");
    }
    assertArrayEquals(new byte[] {1}, Wnaf.digits(BigInteger.ONE, 5));
  }
}
