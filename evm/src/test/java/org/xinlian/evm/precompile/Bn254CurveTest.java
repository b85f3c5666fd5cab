package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.evm.precompile.Bn254TestPoints.G1;
import static org.xinlian.evm.precompile.Bn254TestPoints.G2;
import static org.xinlian.evm.precompile.Bn254TestPoints.P;
import static org.xinlian.evm.precompile.Bn254TestPoints.R;
import static org.xinlian.evm.precompile.Bn254TestPoints.reference;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * G1 and G2 of alt_bn128 (EVM-14) against the reference implementation and the group laws, and
 * the fast G2 subgroup check against multiplication by r, including on points that differ from
 * a G2 point only by a component of small order.
 */
class Bn254CurveTest {
  @Provide
  Arbitrary<BigInteger> scalars() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, max),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE), R,
            R.add(BigInteger.ONE), max, max.subtract(R)));
  }

  @Property(tries = 60)
  void g1MultiplicationMatchesTheReference(@ForAll("scalars") BigInteger base, @ForAll("scalars") BigInteger k) {
    Bn254G1.Affine point = Bn254TestPoints.g1Multiple(base);
    assertEquals(ReferenceAltBn128.multiply(reference(point), k), reference(Bn254G1.multiply(point, k)));
  }

  @Property(tries = 200)
  void g1AdditionMatchesTheReference(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    Bn254G1.Affine p = Bn254TestPoints.g1Multiple(a);
    Bn254G1.Affine q = Bn254TestPoints.g1Multiple(b);
    assertEquals(ReferenceAltBn128.add(reference(p), reference(q)), reference(Bn254G1.add(p, q)));
    assertEquals(reference(p), reference(Bn254G1.add(p, null)));
    assertEquals(ReferenceAltBn128.add(reference(p), reference(p)), reference(Bn254G1.add(p, p)));
    Bn254G1.Affine negated = p == null ? null : new Bn254G1.Affine(p.x(), p.y().negate());
    assertNull(Bn254G1.add(p, negated));
    // a G + b G = (a + b) G, and the sum is on the curve.
    Bn254G1.Affine sum = Bn254G1.add(p, q);
    assertEquals(Bn254TestPoints.g1Multiple(a.add(b)), sum);
    assertTrue(sum == null || Bn254G1.isOnCurve(sum.x(), sum.y()));
  }

  /** The GLV endomorphism: beta and lambda are matching cube roots of unity, and the split recomposes. */
  @Property(tries = 200)
  void glvSplitsTheScalarIntoHalves(@ForAll("scalars") BigInteger k) {
    BigInteger scalar = k.mod(R);
    BigInteger[] halves = Bn254G1.Glv.split(scalar);
    assertEquals(scalar, halves[0].add(halves[1].multiply(Bn254G1.Glv.LAMBDA)).mod(R));
    assertTrue(halves[0].bitLength() <= 127 && halves[1].bitLength() <= 127, "short halves");
  }

  @Property(tries = 20)
  void glvEndomorphismIsMultiplicationByLambda(@ForAll("scalars") BigInteger k) {
    Bn254G1.Affine p = Bn254TestPoints.g1Multiple(k.mod(R).max(BigInteger.ONE));
    Bn254G1.Affine phi = new Bn254G1.Affine(p.x().multiply(Bn254G1.Glv.BETA), p.y());
    assertEquals(reference(phi), ReferenceAltBn128.multiply(reference(p), Bn254G1.Glv.LAMBDA));
  }

  @Test
  void glvConstantsAreCubeRootsOfUnity() {
    assertEquals(Bn254Fp.ONE, Bn254G1.Glv.BETA.square().multiply(Bn254G1.Glv.BETA));
    BigInteger lambda = Bn254G1.Glv.LAMBDA;
    assertEquals(BigInteger.ZERO, lambda.multiply(lambda).add(lambda).add(BigInteger.ONE).mod(R));
  }

  @Test
  void g1HasOrderR() {
    assertNull(Bn254G1.multiply(G1, R));
    assertEquals(G1, Bn254G1.multiply(G1, R.add(BigInteger.ONE)));
    assertTrue(Bn254G1.isOnCurve(G1.x(), G1.y()));
    assertFalse(Bn254G1.isOnCurve(G1.x(), G1.x()));
  }

  @Property(tries = 20)
  void g2MultiplicationMatchesTheReference(@ForAll("scalars") BigInteger k) {
    BigInteger small = k.mod(BigInteger.valueOf(1 << 16));
    assertEquals(ReferenceAltBn128.multiplyG2(reference(G2), small), reference(Bn254TestPoints.g2Multiple(small)));
  }

  @Property(tries = 30)
  void psiActsOnG2AsMultiplicationByP(@ForAll("scalars") BigInteger k) {
    Bn254G2.Jacobian q = Bn254G2.Jacobian.of(Bn254TestPoints.g2Multiple(k));
    assertTrue(Bn254G2.psi(q).sameAs(Bn254TestPoints.multiplyG2(q, P.mod(R))));
  }

  @Property(tries = 30)
  void multiplesOfTheGeneratorAreInG2(@ForAll("scalars") BigInteger k) {
    Bn254G2.Affine q = Bn254TestPoints.g2Multiple(k);
    if (q != null) {
      assertTrue(Bn254G2.isOnCurve(q.x(), q.y()));
      assertTrue(Bn254G2.isInSubgroup(q));
      assertTrue(Bn254TestPoints.multiplyG2(Bn254G2.Jacobian.of(q), R).isInfinity());
    }
  }

  /** Arbitrary twist points, cofactor-cleared ones, and their sums with small-order points. */
  @Property(tries = 30)
  void fastSubgroupCheckAgreesWithMultiplicationByR(@ForAll long seed) {
    Random random = new Random(seed);
    Bn254G2.Affine arbitrary = Bn254TestPoints.twistPoint(random);
    assertEquals(inG2ByOrder(arbitrary), Bn254G2.isInSubgroup(arbitrary), "arbitrary twist point");
    assertFalse(Bn254G2.isInSubgroup(arbitrary), "a random twist point is almost never in G2");
    assertTrue(Bn254G2.multiplyByU(arbitrary).sameAs(Bn254TestPoints.multiplyG2(Bn254G2.Jacobian.of(arbitrary), Bn254G2.U)),
        "the windowed u q agrees with the plain one");

    Bn254G2.Affine cleared = Bn254TestPoints.multiplyG2(Bn254G2.Jacobian.of(arbitrary), Bn254TestPoints.TWIST_COFACTOR).toAffine();
    assertTrue(inG2ByOrder(cleared));
    assertTrue(Bn254G2.isInSubgroup(cleared), "cofactor-cleared point");

    for (long order : Bn254TestPoints.SMALL_COFACTOR_PRIMES) {
      Bn254G2.Jacobian small = Bn254TestPoints.smallOrderPoint(random, order);
      assertTrue(Bn254TestPoints.multiplyG2(small, BigInteger.valueOf(order)).isInfinity());
      Bn254G2.Affine smallAffine = small.toAffine();
      assertTrue(Bn254G2.multiplyByU(smallAffine).sameAs(Bn254TestPoints.multiplyG2(small, Bn254G2.U)));
      assertFalse(Bn254G2.isInSubgroup(smallAffine), "order " + order);
      Bn254G2.Affine shifted = Bn254G2.Jacobian.of(cleared).add(small).toAffine();
      assertFalse(inG2ByOrder(shifted));
      assertFalse(Bn254G2.isInSubgroup(shifted), "G2 point plus a point of order " + order);
    }
  }

  private static boolean inG2ByOrder(Bn254G2.Affine q) {
    return Bn254TestPoints.multiplyG2(Bn254G2.Jacobian.of(q), R).isInfinity();
  }

  @Test
  void theSubgroupConditionsOfTheFastCheckHold() {
    // Dai et al. (2022/348) need u != 4 mod 13 and u != 92 mod 97 for the BN test to be exact.
    assertTrue(Bn254G2.U.mod(BigInteger.valueOf(13)).intValue() != 4);
    assertTrue(Bn254G2.U.mod(BigInteger.valueOf(97)).intValue() != 92);
    // p and r are the BN polynomials in u: r = 36u^4 + 36u^3 + 18u^2 + 6u + 1, p = r + 6u^2.
    BigInteger u = Bn254G2.U;
    BigInteger r = u.pow(4).multiply(BigInteger.valueOf(36)).add(u.pow(3).multiply(BigInteger.valueOf(36)))
        .add(u.pow(2).multiply(BigInteger.valueOf(18))).add(u.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE);
    assertEquals(R, r);
    assertEquals(P, r.add(u.pow(2).multiply(BigInteger.valueOf(6))));
  }

  /** multiplyByU's window table needs q, 3q, 5q, 7q finite for every twist point. */
  @Test
  void theTwistHasNoPointsOfSmallOrder() {
    BigInteger twistOrder = R.multiply(Bn254TestPoints.TWIST_COFACTOR);
    for (int q = 2; q < Bn254TestPoints.SMALL_COFACTOR_PRIMES[0]; q++) {
      assertTrue(twistOrder.mod(BigInteger.valueOf(q)).signum() != 0 || !BigInteger.valueOf(q).isProbablePrime(30),
          "prime factor " + q);
    }
    assertEquals(BigInteger.ZERO, twistOrder.mod(BigInteger.valueOf(Bn254TestPoints.SMALL_COFACTOR_PRIMES[0])));
  }
}
