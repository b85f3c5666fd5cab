package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * 0x0a KZG point evaluation (EIP-4844): proves that the blob committed to by {@code commitment}
 * (whose versioned hash is given) evaluates to {@code y} at {@code z}. 50000 gas. Verification
 * needs only [tau]G2 from the ceremony, not the whole trusted setup.
 */
final class PointEvaluationPrecompile implements Precompile {
  static final int INPUT_BYTES = 192;
  static final long GAS = 50_000;
  static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  /** g2_monomial[1] of the mainnet KZG ceremony (c-kzg-4844 trusted_setup.txt; EIP-4844 specs). */
  private static final String TAU_G2 =
      "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d"
          + "2914e5870cb452d2afaaab24f3499f72185cbfee53492714734429b7b38608e2"
          + "3926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2";
  /** The standard G1 and G2 generators, compressed (the first G1 and G2 entries of the setup). */
  private static final String G1_GENERATOR =
      "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";
  private static final String G2_GENERATOR =
      "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
          + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

  /** The curve constants, decoded once on first use. */
  private static final class Constants {
    static final Bls12381.G2 TAU = Bls12381.decodeG2(hex(TAU_G2)).orElseThrow();
    static final Bls12381.G2 G2 = Bls12381.decodeG2(hex(G2_GENERATOR)).orElseThrow();
    static final Bls12381.G1 G1 = Bls12381.decodeG1(hex(G1_GENERATOR)).orElseThrow().orElseThrow();
  }

  static byte[] hex(String digits) {
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    if (input.length != INPUT_BYTES) {
      return Optional.empty();
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    BigInteger z = new BigInteger(1, Arrays.copyOfRange(input, 32, 64));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(input, 64, 96));
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    byte[] expectedHash = sha256(commitment);
    expectedHash[0] = VERSIONED_HASH_VERSION_KZG;
    if (!Arrays.equals(versionedHash, expectedHash)
        || z.compareTo(Bls12381.ORDER) >= 0 || y.compareTo(Bls12381.ORDER) >= 0) {
      return Optional.empty();
    }
    var commitmentPoint = Bls12381.decodeG1(commitment);
    var proofPoint = Bls12381.decodeG1(proof);
    if (commitmentPoint.isEmpty() || proofPoint.isEmpty()) {
      return Optional.empty();
    }
    // e(C - y G1, -G2) * e(proof, [tau]G2 - z G2) == 1
    Bls12381.G1 left = Bls12381.add(commitmentPoint.get().orElse(null),
        Bls12381.multiply(Constants.G1, Bls12381.ORDER.subtract(y)));
    Bls12381.G2 right = Bls12381.add(Constants.TAU,
        Bls12381.multiply(Constants.G2, Bls12381.ORDER.subtract(z)));
    if (!Bls12381.pairingProductIsOne(left, Bls12381.negate(Constants.G2), proofPoint.get().orElse(null), right)) {
      return Optional.empty();
    }
    byte[] out = new byte[64];
    out[30] = (byte) (FIELD_ELEMENTS_PER_BLOB >> 8);
    byte[] modulus = Bls12381.ORDER.toByteArray();
    System.arraycopy(modulus, modulus.length - 32, out, 32, 32);
    return Optional.of(out);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }
}
