package org.xinlian.crypto.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * libsecp256k1 and BouncyCastle must be interchangeable: on honest signatures, their high-S twins,
 * x = r + n recovery ids and random garbage, both verify the same way and recover the same key
 * (or none). The Wycheproof files check each against an independent verdict; this checks them
 * against each other where no vector file reaches.
 */
class Secp256k1BackendAgreementProperties {
  private static final BigInteger N = Secp256k1.N;
  private static final BigInteger P = Secp256k1.P;

  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger VERIFIED = new AtomicInteger();
  private static final AtomicInteger RECOVERED = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();

  private final StandardSuite nativeSuite =
      new StandardSuite(Secp256k1Backends.byName(NativeSecp256k1Backend.NAME));
  private final StandardSuite bouncyCastleSuite =
      new StandardSuite(Secp256k1Backends.byName(BouncyCastleSecp256k1Backend.NAME));

  @Provide
  Arbitrary<BigInteger> privateScalars() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, N.subtract(BigInteger.ONE))
        .edgeCases(edges -> edges.includeOnly(BigInteger.ONE, N.subtract(BigInteger.ONE)));
  }

  /**
   * Anything a 32-byte field can hold, weighted towards the boundaries both backends must reject
   * (0, n, 2²⁵⁶ - 1) or accept (1, n - 1, n/2, n/2 + 1), and towards small values, whose r + n
   * is below p so that recovery ids 2 and 3 name a real point.
   */
  @Provide
  Arbitrary<BigInteger> garbageScalars() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.bigIntegers().between(BigInteger.ZERO, max)),
        Tuple.of(
            3,
            Arbitraries.bigIntegers()
                .between(BigInteger.ONE, P.subtract(N).subtract(BigInteger.ONE))),
        Tuple.of(
            2,
            Arbitraries.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                N.subtract(BigInteger.ONE),
                N,
                N.add(BigInteger.ONE),
                N.shiftRight(1),
                N.shiftRight(1).add(BigInteger.ONE),
                P.subtract(N).subtract(BigInteger.ONE),
                P.subtract(N),
                max)));
  }

  @Property(tries = 300)
  void honestSignaturesAndTheirTwinsAgree(
      @ForAll("privateScalars") BigInteger scalar, @ForAll @Size(32) byte[] digest) {
    KeyPair pair =
        bouncyCastleSuite.keyPairFromPrivateKey(
            scalarBytes(scalar));
    Signature signature = bouncyCastleSuite.sign(pair.privateKey(), digest);
    int recoveryId = signature.recoveryId();
    BigInteger highS = N.subtract(signature.s());

    for (StandardSuite suite : new StandardSuite[] {nativeSuite, bouncyCastleSuite}) {
      assertTrue(suite.verify(pair.publicKey(), digest, signature), suite.secp256k1Backend());
      assertEquals(pair.publicKey(), suite.recoverSigner(digest, signature));
      // The high-S twin recovers the same key with the other parity, and only where allowed.
      assertEquals(
          Optional.of(pair.publicKey()),
          suite.recoverAllowingHighS(digest, signature.r(), highS, recoveryId ^ 1));
      assertTrue(suite.verify(pair.publicKey(), digest, signature.r(), highS, false));
      assertFalse(suite.verify(pair.publicKey(), digest, signature.r(), highS, true));
    }
    VERIFIED.addAndGet(2);
    for (int id = 0; id <= 3; id++) {
      assertSameRecovery(digest, signature.r(), signature.s(), id);
      assertSameRecovery(digest, signature.r(), highS, id);
    }
    CASES.incrementAndGet();
  }

  @Property(tries = 1000)
  void garbageSignaturesAgree(
      @ForAll("garbageScalars") BigInteger r,
      @ForAll("garbageScalars") BigInteger s,
      @ForAll @IntRange(min = -1, max = 4) int recoveryId,
      @ForAll @Size(32) byte[] digest,
      @ForAll("privateScalars") BigInteger scalar) {
    PublicKey key =
        bouncyCastleSuite
            .keyPairFromPrivateKey(scalarBytes(scalar))
            .publicKey();
    for (boolean requireLowS : new boolean[] {true, false}) {
      boolean viaNative = nativeSuite.verify(key, digest, r, s, requireLowS);
      boolean viaBouncyCastle = bouncyCastleSuite.verify(key, digest, r, s, requireLowS);
      assertEquals(viaBouncyCastle, viaNative, "verify r=" + r + " s=" + s);
      VERIFIED.addAndGet(viaNative ? 1 : 0);
    }
    assertSameRecovery(digest, r, s, recoveryId);
    CASES.incrementAndGet();
  }

  private static byte[] scalarBytes(BigInteger scalar) {
    byte[] out = new byte[Secp256k1.SCALAR_LENGTH];
    byte[] magnitude = scalar.toByteArray();
    int length = Math.min(magnitude.length, out.length);
    System.arraycopy(magnitude, magnitude.length - length, out, out.length - length, length);
    return out;
  }

  private void assertSameRecovery(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    Optional<PublicKey> viaNative = nativeSuite.recoverAllowingHighS(digest, r, s, recoveryId);
    Optional<PublicKey> viaBouncyCastle =
        bouncyCastleSuite.recoverAllowingHighS(digest, r, s, recoveryId);
    assertEquals(viaBouncyCastle, viaNative, "recover r=" + r + " s=" + s + " id=" + recoveryId);
    (viaNative.isPresent() ? RECOVERED : REJECTED).incrementAndGet();
  }

  @AfterContainer
  static void printCounts() {
    System.out.printf(
        "secp256k1 backends [native, bouncycastle] agree on %d properties' cases: %d verifications"
            + " accepted by both, %d recoveries giving the same key, %d rejected by both%n",
        CASES.get(), VERIFIED.get(), RECOVERED.get(), REJECTED.get());
  }
}
