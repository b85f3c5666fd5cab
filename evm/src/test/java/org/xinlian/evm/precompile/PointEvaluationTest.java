package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EIP-4844 point evaluation through c-kzg-4844 with the bundled mainnet setup (docs/adr/0010). */
class PointEvaluationTest {
  private static final BigInteger BLS_MODULUS = new BigInteger(
      "52435875175126190479447740508185965837690552500527637822603658699938581184513");
  /**
   * A correct proof from ethereum/tests' point-evaluation external vectors
   * (verify_kzg_proof_case_correct_proof_31ebd010e6098750): z, y, commitment, proof.
   */
  private static final String Z = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000";
  private static final String Y = "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9";
  private static final String COMMITMENT =
      "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7";
  private static final String PROOF =
      "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c";
  /** [tau]G2, g2_monomial[1] of the ceremony, as EIP-4844's reference specification lists it. */
  private static final String TAU_G2 =
      "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d"
          + "2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e2"
          + "3926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2";

  private final PointEvaluationPrecompile precompile = new PointEvaluationPrecompile();

  private static byte[] input(byte[] commitment, byte[] z, byte[] y, byte[] proof) throws Exception {
    byte[] out = new byte[PointEvaluationPrecompile.INPUT_BYTES];
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(commitment);
    hash[0] = 0x01;
    System.arraycopy(hash, 0, out, 0, 32);
    System.arraycopy(z, 0, out, 32, 32);
    System.arraycopy(y, 0, out, 64, 32);
    System.arraycopy(commitment, 0, out, 96, 48);
    System.arraycopy(proof, 0, out, 144, 48);
    return out;
  }

  private static byte[] word(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  private static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  private static byte[] infinity() {
    byte[] point = new byte[48];
    point[0] = (byte) 0xc0;
    return point;
  }

  /** A correct proof of the ethereum/tests vectors verifies; the output is 4096 and BLS_MODULUS. */
  @Test
  void aCorrectProofVerifies() throws Exception {
    byte[] output = precompile.execute(input(hex(COMMITMENT), hex(Z), hex(Y), hex(PROOF))).orElseThrow();
    assertEquals(BigInteger.valueOf(4096), new BigInteger(1, Arrays.copyOfRange(output, 0, 32)));
    assertEquals(BLS_MODULUS, new BigInteger(1, Arrays.copyOfRange(output, 32, 64)));
    assertEquals(50_000, precompile.gas(new byte[0]));
  }

  /** The same proof for another value, another point or with another proof does not. */
  @Test
  void aWrongClaimIsRejected() throws Exception {
    byte[] otherY = hex(Y);
    otherY[31] ^= 1;
    assertTrue(precompile.execute(input(hex(COMMITMENT), hex(Z), otherY, hex(PROOF))).isEmpty());
    byte[] otherZ = hex(Z);
    otherZ[31] ^= 1;
    assertTrue(precompile.execute(input(hex(COMMITMENT), otherZ, hex(Y), hex(PROOF))).isEmpty());
    assertTrue(precompile.execute(input(hex(COMMITMENT), hex(Z), hex(Y), infinity())).isEmpty());
  }

  /**
   * The zero polynomial (commitment and proof both the point at infinity) evaluates to 0 at every
   * z, so y = 0 verifies and y = 1 does not.
   */
  @Test
  void zeroPolynomialEvaluatesToZero() throws Exception {
    byte[] z = word(BigInteger.valueOf(12345));
    assertTrue(precompile.execute(input(infinity(), z, word(BigInteger.ZERO), infinity())).isPresent());
    assertTrue(precompile.execute(input(infinity(), z, word(BigInteger.ONE), infinity())).isEmpty());
  }

  /** The checks before the pairing: length, versioned hash, z and y below the modulus, points. */
  @Test
  void malformedInputsFail() throws Exception {
    byte[] valid = input(hex(COMMITMENT), hex(Z), hex(Y), hex(PROOF));
    byte[] wrongVersion = valid.clone();
    wrongVersion[0] = 0x02;
    byte[] wrongHash = valid.clone();
    wrongHash[31] ^= 1;
    for (byte[] bad : List.of(Arrays.copyOf(valid, 191), Arrays.copyOf(valid, 193), new byte[0],
        wrongVersion, wrongHash,
        input(infinity(), word(BLS_MODULUS), word(BigInteger.ZERO), infinity()),
        input(infinity(), word(BigInteger.ONE), word(BLS_MODULUS), infinity()),
        input(infinity(), word(BigInteger.ONE), word(BLS_MODULUS.add(BigInteger.TEN)), infinity()))) {
      assertTrue(precompile.execute(bad).isEmpty(), "accepted " + HexFormat.of().formatHex(bad));
    }
    // Not points of G1: an x with no point on the curve, and an uncompressed-flag encoding.
    byte[] notOnCurve = new byte[48];
    notOnCurve[0] = (byte) 0x80;
    notOnCurve[47] = 5;
    assertTrue(precompile.execute(input(notOnCurve, hex(Z), hex(Y), hex(PROOF))).isEmpty());
    byte[] uncompressedFlag = hex(COMMITMENT);
    uncompressedFlag[0] &= 0x7f;
    assertTrue(precompile.execute(input(uncompressedFlag, hex(Z), hex(Y), hex(PROOF))).isEmpty());
  }

  /**
   * The bundled setup is the ceremony's: its [tau]G2 (the only point verification uses besides the
   * generators) is the one EIP-4844 lists; resourceBytes() refuses a file whose SHA-256 is not the
   * pinned digest of c-kzg-4844's trusted_setup.txt.
   */
  @Test
  void theBundledSetupIsTheMainnetCeremonys() {
    List<String> lines = new String(KzgTrustedSetup.resourceBytes(), StandardCharsets.US_ASCII).lines().toList();
    assertEquals("4096", lines.get(0));
    assertEquals("65", lines.get(1));
    assertEquals(2 + 4096 + 65 + 4096, lines.size());
    assertEquals(TAU_G2, lines.get(2 + 4096 + 1));
  }
}
