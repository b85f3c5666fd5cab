package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.evm.precompile.Bn254TestPoints.G1;
import static org.xinlian.evm.precompile.Bn254TestPoints.G2;
import static org.xinlian.evm.precompile.Bn254TestPoints.P;
import static org.xinlian.evm.precompile.Bn254TestPoints.R;
import static org.xinlian.evm.precompile.Bn254TestPoints.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The optimal ate pairing (EVM-14): equal, as an element of F_p^12, to the textbook reference's
 * reduced pairing; bilinear and non-degenerate; its final exponentiation equal to the power
 * (p^12 - 1) / r; and a multi-pair Miller loop equal to the product of single ones.
 */
class Bn254PairingTest {
  @Provide
  Arbitrary<BigInteger> nonZeroScalars() {
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE)));
  }

  /** The element in py_ecc's basis (powers of w with w^12 = 18 w^6 - 82), via u = w^6 - 9. */
  private static BigInteger[] pyEccCoefficients(Bn254Fp12 f) {
    Bn254Fp2[] byPower = {f.c0.c0, f.c1.c0, f.c0.c1, f.c1.c1, f.c0.c2, f.c1.c2};
    BigInteger[] out = new BigInteger[12];
    for (int i = 0; i < 6; i++) {
      BigInteger a = byPower[i].a.toBigInteger();
      BigInteger b = byPower[i].b.toBigInteger();
      out[i] = a.subtract(b.multiply(BigInteger.valueOf(9))).mod(P);
      out[i + 6] = b;
    }
    return out;
  }

  @Property(tries = 8)
  void pairingEqualsTheReferencePairing(@ForAll("nonZeroScalars") BigInteger a, @ForAll("nonZeroScalars") BigInteger b) {
    Bn254G1.Affine p = Bn254TestPoints.g1Multiple(a);
    Bn254G2.Affine q = Bn254TestPoints.g2Multiple(b);
    ReferenceFq12 expected = ReferenceAltBn128Pairing.pairing(reference(p), reference(q));
    assertArrayEquals(expected.c, pyEccCoefficients(Bn254TestPoints.pairing(p, q)));
  }

  @Property(tries = 10)
  void pairingIsBilinear(@ForAll("nonZeroScalars") BigInteger a, @ForAll("nonZeroScalars") BigInteger b) {
    Bn254Fp12 base = Bn254TestPoints.pairing(G1, G2);
    Bn254Fp12 scaled = Bn254TestPoints.pairing(Bn254TestPoints.g1Multiple(a), Bn254TestPoints.g2Multiple(b));
    assertEquals(Bn254TestPoints.pow(base, a.multiply(b).mod(R)), scaled);
    // e(aP, Q) = e(P, aQ)
    assertEquals(Bn254TestPoints.pairing(Bn254TestPoints.g1Multiple(a), G2),
        Bn254TestPoints.pairing(G1, Bn254TestPoints.g2Multiple(a)));
  }

  @Test
  void pairingIsNonDegenerateOfOrderR() {
    Bn254Fp12 e = Bn254TestPoints.pairing(G1, G2);
    assertNotEquals(Bn254Fp12.ONE, e);
    assertEquals(Bn254Fp12.ONE, Bn254TestPoints.pow(e, R));
  }

  /**
   * Why the Miller loop's batched inversions never meet zero for points of order r: the running
   * T is [k]Q for 1 < k <= 6u + 2 < r, never +-Q; the final chords join [6u + 2]Q to pi(Q) =
   * [p]Q, then [6u + 2 + p]Q to -pi^2(Q) = [-p^2]Q, and neither pair shares an x coordinate.
   */
  @Test
  void theMillerLoopsDenominatorsAreNonZero() {
    BigInteger n = Bn254G2.U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    assertTrue(n.compareTo(R) < 0);
    BigInteger p = P.mod(R);
    BigInteger p2 = P.multiply(P).mod(R);
    for (BigInteger difference : List.of(n.subtract(p), n.add(p), n.add(p).subtract(p2), n.add(p).add(p2))) {
      assertNotEquals(BigInteger.ZERO, difference.mod(R));
    }
    // The optimal ate relation: 6u + 2 + p - p^2 + p^3 = 0 mod r.
    assertEquals(BigInteger.ZERO, n.add(p).subtract(p2).add(P.pow(3)).mod(R));
  }

  @Property(tries = 4)
  void finalExponentiationIsThePowerOfTheExponent(@ForAll("nonZeroScalars") BigInteger a) {
    Bn254Fp12 f = Bn254MillerLoop.run(List.of(Bn254TestPoints.g1Multiple(a)), List.of(G2));
    BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(R);
    assertEquals(Bn254TestPoints.pow(f, exponent), Bn254Pairing.finalExponentiation(f));
  }

  @Property(tries = 5)
  void aMultiPairLoopIsTheProductOfSingleLoops(@ForAll("nonZeroScalars") BigInteger a,
      @ForAll("nonZeroScalars") BigInteger b) {
    List<Bn254G1.Affine> g1 = new ArrayList<>(Arrays.asList(Bn254TestPoints.g1Multiple(a), null, G1));
    List<Bn254G2.Affine> g2 = new ArrayList<>(Arrays.asList(G2, G2, Bn254TestPoints.g2Multiple(b)));
    Bn254Fp12 product = Bn254MillerLoop.run(List.of(g1.get(0)), List.of(g2.get(0)))
        .multiply(Bn254MillerLoop.run(List.of(g1.get(2)), List.of(g2.get(2))));
    assertEquals(product, Bn254MillerLoop.run(g1, g2), "pairs with infinity contribute one");
    // e(aG, Q) e(G, bQ) e(-(a + b)G, Q) is one; off by one in any exponent, it is not.
    List<Bn254G1.Affine> cancelling = Arrays.asList(Bn254TestPoints.g1Multiple(a), G1,
        Bn254TestPoints.g1Multiple(R.subtract(a.add(b).mod(R))));
    List<Bn254G2.Affine> twists = List.of(G2, Bn254TestPoints.g2Multiple(b), G2);
    assertTrue(Bn254Pairing.productIsOne(cancelling, twists));
    List<Bn254G1.Affine> offByOne = Arrays.asList(Bn254TestPoints.g1Multiple(a.add(BigInteger.ONE)), G1,
        Bn254TestPoints.g1Multiple(R.subtract(a.add(b).mod(R))));
    assertFalse(Bn254Pairing.productIsOne(offByOne, twists));
  }
}
