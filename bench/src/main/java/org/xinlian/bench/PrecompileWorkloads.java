package org.xinlian.bench;

import static org.xinlian.bench.Assembler.*;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.Signature;
import org.xinlian.evm.precompile.Precompiles;

/**
 * Contracts that call one precompile with one input over and over (STATICCALL, all gas
 * forwarded), failing the transaction if a call fails or returns output of the wrong length: a
 * case that silently stopped doing its work would otherwise look fast.
 */
final class PrecompileWorkloads {
  static final int LARGE_INPUT_BYTES = 16 * 1024;
  static final Address SM3 = Address.fromHex("0x000000000000000000000000000000000000f001");
  static final Address SM2_VERIFY = Address.fromHex("0x000000000000000000000000000000000000f002");

  /** BN254's base field modulus (EIP-196). */
  private static final BigInteger BN254_P = new BigInteger(
      "21888242871839275222246405745257275088696311157297823662689037894645226208583");
  /** The G2 generator of EIP-197, each coordinate imaginary part first. */
  private static final String BN254_G2 =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
  /** 2 * G1 of BN254. */
  private static final String BN254_TWO_G1 =
      "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
          + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
  /**
   * A correct proof from ethereum/tests' point-evaluation external vectors
   * (verify_kzg_proof_case_correct_proof_31ebd010e6098750): versioned hash, z, y, commitment, proof.
   */
  private static final String KZG_VALID_INPUT =
      "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b"
          + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
          + "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9"
          + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
          + "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c";
  private static final long[] BLAKE2B_IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  /** Fixed, so runs are comparable; the values protect nothing. */
  private static final long MODEXP_SEED = 2565L;

  private PrecompileWorkloads() {}

  /**
   * The loop: input in memory from calldata, then STATICCALL {@code address} repeatedly.
   *
   * @param gas the precompile's price for {@code input}
   * @param outputBytes the output length a successful call returns
   */
  static Workload calling(Address address, byte[] input, long gas, int outputBytes, Predicate<byte[]> expected) {
    BigInteger target = new BigInteger(1, address.toArray());
    // Cheap calls are unrolled so that the loop's own GAS/LT/JUMPI is a small part of the gas.
    int repeats = gas < 10_000 ? 16 : 1;
    long perCall = gas + 200;
    byte[] code = Loops.repeat(
        prologue -> prologue.op(CALLDATASIZE, PUSH0, PUSH0, CALLDATACOPY),
        body -> body.op(PUSH0, PUSH0, CALLDATASIZE, PUSH0).push(target).op(GAS, STATICCALL, ISZERO)
            .jumpIf(Loops.FAIL)
            .op(RETURNDATASIZE).push(outputBytes).op(EQ, ISZERO).jumpIf(Loops.FAIL),
        repeats, repeats * perCall + 100);
    return new Workload(code, run -> input.clone(), Set.of(),
        Optional.of(new Workload.PrecompileCheck(address, input, expected)));
  }

  private static Predicate<byte[]> length(int bytes) {
    return output -> output.length == bytes;
  }

  private static Predicate<byte[]> equalTo(byte[] expected) {
    return output -> Arrays.equals(output, expected);
  }

  private static long hashGas(long base, long perWord, int bytes) {
    return base + perWord * ((bytes + 31L) / 32);
  }

  static Workload ecrecover() {
    CryptoSuite suite = CryptoSuites.standard();
    KeyPair key = suite.keyPairFromPrivateKey(Keccak256.hash("worst-case ecrecover key".getBytes(StandardCharsets.US_ASCII)));
    byte[] digest = Keccak256.hash("worst-case ecrecover message".getBytes(StandardCharsets.US_ASCII));
    Signature signature = suite.sign(key.privateKey(), digest);
    byte[] input = concat(digest, word(BigInteger.valueOf(27 + signature.recoveryId())),
        word(signature.r()), word(signature.s()));
    byte[] expected = new byte[32];
    System.arraycopy(suite.address(key.publicKey()).toArray(), 0, expected, 12, Address.LENGTH);
    return calling(Precompiles.address(0x01), input, 3000, 32, equalTo(expected));
  }

  static Workload sha256(int bytes) {
    return calling(Precompiles.address(0x02), new byte[bytes], hashGas(60, 12, bytes), 32, length(32));
  }

  static Workload ripemd160(int bytes) {
    return calling(Precompiles.address(0x03), new byte[bytes], hashGas(600, 120, bytes), 32, length(32));
  }

  static Workload identity(int bytes) {
    return calling(Precompiles.address(0x04), new byte[bytes], hashGas(15, 3, bytes), bytes, length(bytes));
  }

  static Workload sm3(int bytes) {
    return calling(SM3, new byte[bytes], hashGas(60, 12, bytes), 32, length(32));
  }

  /**
   * MODEXP with an exponent of all-one bits (a multiplication for every squaring) and
   * pseudo-random full-length base and modulus, the modulus odd or even, priced by EIP-2565.
   */
  static Workload modexp(int baseBytes, int exponentBytes, int modulusBytes, boolean evenModulus) {
    SplittableRandom random = new SplittableRandom(MODEXP_SEED + baseBytes + exponentBytes + modulusBytes);
    byte[] base = new byte[baseBytes];
    random.nextBytes(base);
    byte[] exponent = OpcodeWorkloads.filled(exponentBytes, 0xff);
    byte[] modulus = new byte[modulusBytes];
    random.nextBytes(modulus);
    modulus[0] |= (byte) 0x80;
    modulus[modulusBytes - 1] = (byte) (evenModulus ? modulus[modulusBytes - 1] & 0xfe : modulus[modulusBytes - 1] | 1);
    return modexp(base, exponent, modulus);
  }

  /** MODEXP with a power-of-two modulus 2^(8 * bytes - 1). */
  static Workload modexpPowerOfTwo(int bytes) {
    byte[] modulus = new byte[bytes];
    modulus[0] = (byte) 0x80;
    byte[] base = new byte[bytes];
    new SplittableRandom(MODEXP_SEED).nextBytes(base);
    return modexp(base, OpcodeWorkloads.filled(32, 0xff), modulus);
  }

  static Workload modexp(byte[] base, byte[] exponent, byte[] modulus) {
    byte[] input = concat(word(BigInteger.valueOf(base.length)), word(BigInteger.valueOf(exponent.length)),
        word(BigInteger.valueOf(modulus.length)), base, exponent, modulus);
    BigInteger m = new BigInteger(1, modulus);
    byte[] expected = fixed(new BigInteger(1, base).modPow(new BigInteger(1, exponent), m), modulus.length);
    return calling(Precompiles.address(0x05), input, modexpGas(base.length, exponent, modulus.length),
        modulus.length, equalTo(expected));
  }

  /** EIP-2565's price, for an exponent whose first byte is non-zero. */
  static long modexpGas(int baseBytes, byte[] exponent, int modulusBytes) {
    long words = (Math.max(baseBytes, modulusBytes) + 7L) / 8;
    int headBytes = Math.min(32, exponent.length);
    int headBits = new BigInteger(1, Arrays.copyOf(exponent, headBytes)).bitLength();
    long iterations = 8L * Math.max(0, exponent.length - 32) + Math.max(headBits - 1, 0);
    return Math.max(200, words * words * Math.max(iterations, 1) / 3);
  }

  /** BLAKE2F on the "abc" block of EIP-152's test vectors, final block flag set. */
  static Workload blake2f(long rounds) {
    byte[] input = new byte[213];
    input[0] = (byte) (rounds >>> 24);
    input[1] = (byte) (rounds >>> 16);
    input[2] = (byte) (rounds >>> 8);
    input[3] = (byte) rounds;
    for (int i = 0; i < 8; i++) {
      long h = BLAKE2B_IV[i] ^ (i == 0 ? 0x01010040L : 0);
      putLittleEndian(input, 4 + 8 * i, h);
    }
    input[68] = 'a';
    input[69] = 'b';
    input[70] = 'c';
    input[196] = 3;
    input[212] = 1;
    return calling(Precompiles.address(0x09), input, rounds, 64, length(64));
  }

  static Workload pointEvaluation() {
    byte[] expected = new byte[64];
    expected[30] = 0x10;
    byte[] modulus = Hex.decode("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
    System.arraycopy(modulus, 0, expected, 32, 32);
    return calling(Precompiles.address(0x0a), Hex.decode(KZG_VALID_INPUT), 50_000, 64, equalTo(expected));
  }

  static Workload sm2Verify() {
    CryptoSuite suite = CryptoSuites.gm();
    KeyPair key = suite.keyPairFromPrivateKey(Keccak256.hash("worst-case sm2 key".getBytes(StandardCharsets.US_ASCII)));
    byte[] digest = Keccak256.hash("worst-case sm2 message".getBytes(StandardCharsets.US_ASCII));
    Signature signature = suite.sign(key.privateKey(), digest);
    byte[] input = concat(digest, word(signature.r()), word(signature.s()), key.publicKey().bytes());
    return calling(SM2_VERIFY, input, 6900, 32, equalTo(word(BigInteger.ONE)));
  }

  /** G1 + 2 G1: two distinct points, the general addition. */
  static Workload bn254Add() {
    byte[] input = concat(word(BigInteger.ONE), word(BigInteger.TWO), Hex.decode(BN254_TWO_G1));
    return calling(Precompiles.address(0x06), input, 150, 64, length(64));
  }

  /** G1 times 2^256 - 1: the longest scalar. */
  static Workload bn254Mul() {
    byte[] input = concat(word(BigInteger.ONE), word(BigInteger.TWO), word(OpcodeWorkloads.MAX));
    return calling(Precompiles.address(0x07), input, 6000, 64, length(64));
  }

  /** e(G1, G2) * e(-G1, G2) = 1: two pairs that check out. */
  static Workload bn254Pairing() {
    byte[] g2 = Hex.decode(BN254_G2);
    byte[] input = concat(word(BigInteger.ONE), word(BigInteger.TWO), g2,
        word(BigInteger.ONE), word(BN254_P.subtract(BigInteger.TWO)), g2);
    return calling(Precompiles.address(0x08), input, 45_000 + 2 * 34_000, 32, equalTo(word(BigInteger.ONE)));
  }

  static byte[] word(BigInteger value) {
    return fixed(value, 32);
  }

  /** {@code value} big-endian in exactly {@code length} bytes. */
  static byte[] fixed(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(length, bytes.length);
    System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }

  private static void putLittleEndian(byte[] out, int offset, long value) {
    for (int b = 0; b < 8; b++) {
      out[offset + b] = (byte) (value >>> (8 * b));
    }
  }
}
