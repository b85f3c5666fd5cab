package org.xinlian.evm.precompile;

import ethereum.ckzg4844.CKZGException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * 0x0a KZG point evaluation (EIP-4844): proves that the blob committed to by {@code commitment}
 * (whose versioned hash is given) evaluates to {@code y} at {@code z}. 50000 gas. Input
 * {@code versioned_hash || z || y || commitment || proof} (192 bytes); output
 * {@code FIELD_ELEMENTS_PER_BLOB || BLS_MODULUS} as two words. The pairing check is
 * c-kzg-4844's verify_kzg_proof with the mainnet trusted setup (docs/adr/0010); the checks
 * EIP-4844 puts before it (length, versioned hash, canonical z and y) are here.
 */
final class PointEvaluationPrecompile implements Precompile {
  static final int INPUT_BYTES = 192;
  static final long GAS = 50_000;
  static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  /** BLS12-381's scalar field modulus, big-endian: z and y must be below it. */
  static final byte[] BLS_MODULUS =
      HexFormat.of().parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
  private static final int WORD_BYTES = 32;
  private static final int POINT_BYTES = 48;

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    if (input.length != INPUT_BYTES) {
      return Optional.empty();
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, WORD_BYTES);
    byte[] z = Arrays.copyOfRange(input, WORD_BYTES, 2 * WORD_BYTES);
    byte[] y = Arrays.copyOfRange(input, 2 * WORD_BYTES, 3 * WORD_BYTES);
    byte[] commitment = Arrays.copyOfRange(input, 3 * WORD_BYTES, 3 * WORD_BYTES + POINT_BYTES);
    byte[] proof = Arrays.copyOfRange(input, 3 * WORD_BYTES + POINT_BYTES, INPUT_BYTES);
    byte[] expectedHash = sha256(commitment);
    expectedHash[0] = VERSIONED_HASH_VERSION_KZG;
    if (!Arrays.equals(versionedHash, expectedHash) || !isFieldElement(z) || !isFieldElement(y)) {
      return Optional.empty();
    }
    try {
      if (!KzgTrustedSetup.verifyKzgProof(commitment, z, y, proof)) {
        return Optional.empty();
      }
    } catch (CKZGException invalidPoint) {
      // A commitment or proof that is not a compressed point of the G1 subgroup.
      return Optional.empty();
    }
    return Optional.of(successOutput());
  }

  /** {@code FIELD_ELEMENTS_PER_BLOB} and {@code BLS_MODULUS}, each as a 32-byte word. */
  static byte[] successOutput() {
    byte[] out = new byte[2 * WORD_BYTES];
    out[WORD_BYTES - 2] = (byte) (FIELD_ELEMENTS_PER_BLOB >> 8);
    out[WORD_BYTES - 1] = (byte) FIELD_ELEMENTS_PER_BLOB;
    System.arraycopy(BLS_MODULUS, 0, out, WORD_BYTES, WORD_BYTES);
    return out;
  }

  /** Big-endian and below the modulus (unsigned comparison of equal-length byte strings). */
  private static boolean isFieldElement(byte[] word) {
    return Arrays.compareUnsigned(word, BLS_MODULUS) < 0;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }
}
