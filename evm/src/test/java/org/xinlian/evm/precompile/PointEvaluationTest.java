package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** EIP-4844 point evaluation and the BLS12-381 pieces under it. */
class PointEvaluationTest {
  private static byte[] input(byte[] commitment, BigInteger z, BigInteger y, byte[] proof) throws Exception {
    byte[] out = new byte[PointEvaluationPrecompile.INPUT_BYTES];
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(commitment);
    hash[0] = 0x01;
    System.arraycopy(hash, 0, out, 0, 32);
    put(out, 32, z);
    put(out, 64, y);
    System.arraycopy(commitment, 0, out, 96, 48);
    System.arraycopy(proof, 0, out, 144, 48);
    return out;
  }

  private static void put(byte[] out, int offset, BigInteger value) {
    byte[] bytes = value.toByteArray();
    int length = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
  }

  private static byte[] infinity() {
    byte[] point = new byte[48];
    point[0] = (byte) 0xc0;
    return point;
  }

  /**
   * The zero polynomial (commitment and proof both the point at infinity) evaluates to 0 at every
   * z, so y = 0 verifies and y = 1 does not; the success output is 4096 and BLS_MODULUS (EIP-4844).
   */
  @Test
  void zeroPolynomialEvaluatesToZero() throws Exception {
    PointEvaluationPrecompile precompile = new PointEvaluationPrecompile();
    byte[] valid = input(infinity(), BigInteger.valueOf(12345), BigInteger.ZERO, infinity());
    byte[] output = precompile.execute(valid).orElseThrow();
    assertEquals(BigInteger.valueOf(4096), new BigInteger(1, Arrays.copyOfRange(output, 0, 32)));
    assertEquals(Bls12381.ORDER, new BigInteger(1, Arrays.copyOfRange(output, 32, 64)));
    assertTrue(precompile.execute(input(infinity(), BigInteger.valueOf(12345), BigInteger.ONE, infinity())).isEmpty());
    // z at the modulus, a wrong versioned hash and a short input are rejected
    assertTrue(precompile.execute(input(infinity(), Bls12381.ORDER, BigInteger.ZERO, infinity())).isEmpty());
    byte[] wrongHash = valid.clone();
    wrongHash[0] = 0x02;
    assertTrue(precompile.execute(wrongHash).isEmpty());
    assertTrue(precompile.execute(Arrays.copyOf(valid, 191)).isEmpty());
    assertEquals(50_000, precompile.gas(valid));
  }

  @Test
  void generatorsAndTheCeremonyPointAreInTheirGroups() {
    var g1 = Bls12381.decodeG1(PointEvaluationPrecompile.hex(
        "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"));
    assertTrue(g1.isPresent() && g1.get().isPresent());
    assertNull(Bls12381.multiply(g1.get().get(), Bls12381.ORDER));
    var tau = Bls12381.decodeG2(PointEvaluationPrecompile.hex(
        "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d"
            + "2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e2"
            + "3926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2"));
    assertTrue(tau.isPresent());
    assertNull(Bls12381.multiply(tau.get(), Bls12381.ORDER));
    // e(2 G1, G2) * e(-G1, 2 G2) = 1 (bilinearity)
    var g2 = Bls12381.decodeG2(PointEvaluationPrecompile.hex(
        "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
            + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8")).orElseThrow();
    Bls12381.G1 generator = g1.get().get();
    Bls12381.G1 twice = Bls12381.multiply(generator, BigInteger.TWO);
    Bls12381.G1 negated = new Bls12381.G1(generator.x(), Bls12381.P.subtract(generator.y()));
    assertTrue(Bls12381.pairingProductIsOne(twice, g2, negated, Bls12381.multiply(g2, BigInteger.TWO)));
  }
}
