package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.evm.precompile.Bn254TestPoints.G1;
import static org.xinlian.evm.precompile.Bn254TestPoints.G2;
import static org.xinlian.evm.precompile.Bn254TestPoints.P;
import static org.xinlian.evm.precompile.Bn254TestPoints.R;
import static org.xinlian.evm.precompile.Bn254TestPoints.concat;
import static org.xinlian.evm.precompile.Bn254TestPoints.encode;
import static org.xinlian.evm.precompile.Bn254TestPoints.word;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * ecAdd, ecMul and ecPairing (EIP-196/197, EVM-14) byte for byte against the previous
 * implementation ({@link ReferenceAltBn128Precompiles}) on valid points, points at infinity,
 * coordinates from p up, points off the curve or outside G2, and short, long and misaligned
 * input; and bilinearity through the precompile interface.
 */
class AltBn128PrecompilesTest {
  private final Precompile add = new AltBn128Precompiles.Add();
  private final Precompile multiply = new AltBn128Precompiles.Multiply();
  private final Precompile pairing = new AltBn128Precompiles.Pairing();
  private final Precompile referenceAdd = new ReferenceAltBn128Precompiles.Add();
  private final Precompile referenceMultiply = new ReferenceAltBn128Precompiles.Multiply();
  private final Precompile referencePairing = new ReferenceAltBn128Precompiles.Pairing();

  private static void assertSameResult(Optional<byte[]> expected, Optional<byte[]> actual) {
    assertEquals(expected.isPresent(), actual.isPresent(), "valid vs rejected");
    expected.ifPresent(bytes -> assertArrayEquals(bytes, actual.orElseThrow()));
  }

  /** 64-byte G1 encodings: mostly valid points, some infinity, some rejected. */
  @Provide
  Arbitrary<byte[]> g1Encodings() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    Arbitrary<BigInteger> scalars = Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE));
    Arbitrary<byte[]> valid = scalars.map(k -> encode(Bn254TestPoints.g1Multiple(k)));
    Arbitrary<byte[]> infinity = Arbitraries.just(new byte[64]);
    Arbitrary<byte[]> offCurve = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE))
        .map(y -> concat(word(BigInteger.ONE), word(y)));
    // y + p (below 2^255): the same point if reduced, which EIP-196 forbids.
    Arbitrary<byte[]> unreduced = scalars.map(k -> {
      Bn254G1.Affine point = Bn254TestPoints.g1Multiple(k);
      return concat(word(point.x().toBigInteger()), word(point.y().toBigInteger().add(P)));
    });
    Arbitrary<byte[]> huge = Arbitraries.just(concat(word(max), word(max)));
    Arbitrary<byte[]> zeroX = Arbitraries.just(concat(new byte[32], word(BigInteger.valueOf(3))));
    return Arbitraries.frequencyOf(Tuple.of(8, valid), Tuple.of(1, infinity),
        Tuple.of(1, offCurve), Tuple.of(1, unreduced), Tuple.of(1, zeroX),
        Tuple.of(1, huge));
  }

  /** Input as sent: truncated (EIP-196 zero-pads) or with trailing bytes (ignored). */
  private static byte[] resize(byte[] input, int change) {
    return Arrays.copyOf(input, Math.max(0, input.length + change));
  }

  @Property(tries = 300)
  void ecAddMatchesTheReference(@ForAll("g1Encodings") byte[] a, @ForAll("g1Encodings") byte[] b,
      @ForAll @IntRange(min = -128, max = 40) int change) {
    for (byte[] input : List.of(concat(a, b), concat(a, a), resize(concat(a, b), change))) {
      assertSameResult(referenceAdd.execute(input), add.execute(input));
    }
    assertEquals(150, add.gas(a));
  }

  @Provide
  Arbitrary<BigInteger> mulScalars() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, max),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE), R,
            R.add(BigInteger.ONE), max));
  }

  @Property(tries = 60)
  void ecMulMatchesTheReference(@ForAll("g1Encodings") byte[] point, @ForAll("mulScalars") BigInteger k,
      @ForAll @IntRange(min = -96, max = 40) int change) {
    byte[] input = concat(point, word(k));
    assertSameResult(referenceMultiply.execute(input), multiply.execute(input));
    byte[] resized = resize(input, change);
    assertSameResult(referenceMultiply.execute(resized), multiply.execute(resized));
    assertEquals(6000, multiply.gas(input));
  }

  /** 128-byte G2 encodings: valid, infinity, outside G2, off the twist, unreduced. */
  @Provide
  Arbitrary<byte[]> g2Encodings() {
    Arbitrary<byte[]> valid = Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE))
        .map(k -> encode(Bn254TestPoints.g2Multiple(k)));
    Arbitrary<byte[]> infinity = Arbitraries.just(new byte[128]);
    Arbitrary<byte[]> outsideG2 = Arbitraries.longs().map(seed -> encode(Bn254TestPoints.twistPoint(new Random(seed))));
    Arbitrary<byte[]> offTwist = Arbitraries.just(concat(new byte[96], word(BigInteger.ONE)));
    Arbitrary<byte[]> unreduced = Arbitraries.just(concat(word(P), Arrays.copyOfRange(encode(G2), 32, 128)));
    return Arbitraries.frequencyOf(Tuple.of(8, valid), Tuple.of(1, infinity),
        Tuple.of(1, outsideG2), Tuple.of(1, offTwist), Tuple.of(1, unreduced));
  }

  @Provide
  Arbitrary<byte[]> pairs() {
    return Combinators.combine(g1Encodings(), g2Encodings()).as((p, q) -> concat(p, q));
  }

  /** The reference takes ~50 ms per pair, hence few tries; the state tests add Ethereum's cases. */
  @Property(tries = 25)
  void ecPairingMatchesTheReference(@ForAll("pairs") byte[] first, @ForAll("pairs") byte[] second,
      @ForAll @IntRange(min = -1, max = 1) int misalign) {
    for (byte[] input : List.of(first, concat(first, second), resize(concat(first, second), misalign))) {
      assertSameResult(referencePairing.execute(input), pairing.execute(input));
    }
  }

  /** e(aG1, bG2) e(-abG1, G2) = 1 through the byte interface, and not 1 when off by one. */
  @Property(tries = 10)
  void ecPairingIsBilinear(@ForAll("nonZero") BigInteger a, @ForAll("nonZero") BigInteger b) {
    byte[] aP = encode(Bn254TestPoints.g1Multiple(a));
    byte[] bQ = encode(Bn254TestPoints.g2Multiple(b));
    byte[] minusAbP = encode(Bn254TestPoints.g1Multiple(R.subtract(a.multiply(b).mod(R))));
    byte[] one = word(BigInteger.ONE);
    assertArrayEquals(one, pairing.execute(concat(aP, bQ, minusAbP, encode(G2))).orElseThrow());
    byte[] offByOne = encode(Bn254TestPoints.g1Multiple(R.subtract(a.multiply(b).add(BigInteger.ONE).mod(R))));
    assertArrayEquals(new byte[32], pairing.execute(concat(aP, bQ, offByOne, encode(G2))).orElseThrow());
  }

  @Provide
  Arbitrary<BigInteger> nonZero() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE));
  }

  @Test
  void ecPairingEdgeCases() {
    byte[] one = word(BigInteger.ONE);
    assertArrayEquals(one, pairing.execute(new byte[0]).orElseThrow(), "the empty product is one");
    assertArrayEquals(one, pairing.execute(new byte[192]).orElseThrow(), "infinity pairs to one");
    assertArrayEquals(one, pairing.execute(concat(encode(G1), new byte[128])).orElseThrow());
    assertArrayEquals(one, pairing.execute(concat(new byte[64], encode(G2))).orElseThrow());
    assertTrue(pairing.execute(new byte[191]).isEmpty(), "not a multiple of 192 bytes");
    assertTrue(pairing.execute(new byte[193]).isEmpty());
    // An invalid G2 point fails the call even when its G1 partner is infinity.
    byte[] outsideG2 = encode(Bn254TestPoints.twistPoint(new Random(7)));
    assertTrue(pairing.execute(concat(new byte[64], outsideG2)).isEmpty());
    assertTrue(pairing.execute(concat(new byte[64], new byte[96], word(BigInteger.ONE))).isEmpty());
    assertEquals(45_000 + 34_000 * 3, pairing.gas(new byte[3 * 192]));
    assertEquals(45_000, pairing.gas(new byte[0]));
  }
}
