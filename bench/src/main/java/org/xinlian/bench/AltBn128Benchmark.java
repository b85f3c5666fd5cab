package org.xinlian.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.common.Invariants;
import org.xinlian.evm.precompile.Precompiles;

/**
 * The alt_bn128 precompiles (0x06 ecAdd, 0x07 ecMul, 0x08 ecPairing; EIP-196/197 at the EIP-1108
 * prices) on their most expensive valid inputs, through {@link Precompiles#run} as the EVM calls
 * them. A contract can loop on any of them, so the slowest Mgas/s among these bounds how fast a
 * block of hostile transactions executes (EVM-14 asks for at least 20 Mgas/s).
 *
 * <p>The {@link GasMeter} auxiliary counter is the gas charged per second: the secondary result
 * {@code :gas} in gas/s; divide by 10^6 for Mgas/s. Inputs are built at setup from the generators
 * and checked (valid points, the expected pairing outcome) so that no benchmark times a rejection.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class AltBn128Benchmark {
  private static final Address EC_ADD = Precompiles.address(0x06);
  private static final Address EC_MUL = Precompiles.address(0x07);
  private static final Address EC_PAIRING = Precompiles.address(0x08);

  /** Far above what any input here costs, so the price never limits a call. */
  private static final long CALL_GAS = 100_000_000L;

  /** The group order r of G1 and G2. */
  private static final BigInteger ORDER =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");

  private static final byte[] G1_GENERATOR = concat(word(BigInteger.ONE), word(BigInteger.TWO));

  /** Gas charged, counted as a rate next to ops/s: gas/s (divide by 10^6 for Mgas/s). */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class GasMeter {
    public long gas;

    @Setup(Level.Iteration)
    public void reset() {
      gas = 0;
    }
  }

  /**
   * The scalar of ecMul. {@code allOnes} is 2^256 - 1 (not reduced mod r, as callers may send)
   * and {@code orderMinusOne} is r - 1: the worst cases of plain double-and-add. An
   * implementation that splits k = k1 + k2 lambda (GLV) finds r - 1 = -1 trivial; for it
   * {@code glvWorst} is k1 = k2 = sum of 2^(5i), i < 26: two 126-bit halves whose width-5
   * windows are all non-zero, 52 additions where random scalars average 43.
   */
  @State(Scope.Thread)
  public static class MulInput {
    @Param({"allOnes", "orderMinusOne", "glvWorst"})
    public String scalar;

    byte[] input;

    @Setup(Level.Trial)
    public void setUp() {
      Precompiles precompiles = Precompiles.cancun();
      BigInteger k = switch (scalar) {
        case "allOnes" -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        case "orderMinusOne" -> ORDER.subtract(BigInteger.ONE);
        case "glvWorst" -> glvWorst();
        default -> throw new IllegalArgumentException("scalar: unknown pattern " + scalar);
      };
      byte[] point = multiplyG1(precompiles, BigInteger.valueOf(0xC0FFEE));
      input = concat(point, word(k));
      byte[] out = run(precompiles, EC_MUL, input);
      Invariants.check(out.length == 64 && !Arrays.equals(out, new byte[64]), "ecMul returned infinity");
    }
  }

  /** lambda of alt_bn128's G1 endomorphism (x, y) -> (beta x, y), a cube root of unity mod r. */
  private static final BigInteger GLV_LAMBDA =
      new BigInteger("4407920970296243842393367215006156084916469457145843978461");

  private static BigInteger glvWorst() {
    BigInteger half = BigInteger.ZERO;
    for (int i = 0; i < 26; i++) {
      half = half.setBit(5 * i);
    }
    return half.add(half.multiply(GLV_LAMBDA)).mod(ORDER);
  }

  /** {@code pairs} pairs (a_i G1, b_i G2) with sum a_i b_i = 0 mod r, so the product is one. */
  @State(Scope.Thread)
  public static class PairingInput {
    @Param({"1", "2", "5", "10"})
    public int pairs;

    byte[] input;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      Precompiles precompiles = Precompiles.cancun();
      List<BigInteger> g2Scalars = new ArrayList<>();
      List<byte[]> g2Points = new ArrayList<>();
      readG2Multiples(g2Scalars, g2Points);
      Invariants.check(pairs <= g2Points.size(), "only %s G2 points on file", g2Points.size());
      // a_i = i + 2 for all but the last pair; the last a cancels the sum. A single pair cannot
      // cancel without a point at infinity (cheap), so it pairs 2G with b_0 Q and the result is 0.
      List<BigInteger> g1Scalars = new ArrayList<>();
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < pairs; i++) {
        BigInteger a = BigInteger.valueOf(i + 2);
        if (pairs > 1 && i == pairs - 1) {
          a = sum.negate().multiply(g2Scalars.get(i).modInverse(ORDER)).mod(ORDER);
        }
        g1Scalars.add(a);
        sum = sum.add(a.multiply(g2Scalars.get(i)));
      }
      byte[] all = new byte[0];
      for (int i = 0; i < pairs; i++) {
        all = concat(all, multiplyG1(precompiles, g1Scalars.get(i)), g2Points.get(i));
      }
      input = all;
      byte[] out = run(precompiles, EC_PAIRING, input);
      Invariants.check(out.length == 32 && out[31] == (pairs > 1 ? 1 : 0) && allZero(out, 31),
          "pairing of %s pairs returned %s", pairs, Hex.encodeBare(out));
    }
  }

  private Precompiles precompiles;
  private byte[] addInput;

  @Setup(Level.Trial)
  public void setUp() {
    precompiles = Precompiles.cancun();
    // Two distinct points that are neither infinity nor each other's negation: a full addition.
    addInput = concat(multiplyG1(precompiles, BigInteger.valueOf(0xC0FFEE)),
        multiplyG1(precompiles, BigInteger.valueOf(0xBEEF)));
    byte[] sum = run(precompiles, EC_ADD, addInput);
    Invariants.check(Arrays.equals(sum, multiplyG1(precompiles, BigInteger.valueOf(0xC0FFEE + 0xBEEF))),
        "ecAdd disagrees with ecMul");
  }

  /** ecAdd of two distinct valid points: 150 gas. */
  @Benchmark
  public byte[] ecAdd(GasMeter meter) {
    return charge(meter, EC_ADD, addInput);
  }

  /** ecMul of a valid point by a full-length scalar: 6,000 gas. */
  @Benchmark
  public byte[] ecMul(MulInput mul, GasMeter meter) {
    return charge(meter, EC_MUL, mul.input);
  }

  /** ecPairing of {@code pairs} valid pairs: 45,000 + 34,000 per pair. */
  @Benchmark
  public byte[] ecPairing(PairingInput pairing, GasMeter meter) {
    return charge(meter, EC_PAIRING, pairing.input);
  }

  private byte[] charge(GasMeter meter, Address address, byte[] input) {
    Precompiles.Result result = precompiles.run(address, input, CALL_GAS).orElseThrow();
    meter.gas += result.gasUsed();
    return result.output();
  }

  private static byte[] run(Precompiles precompiles, Address address, byte[] input) {
    return precompiles.run(address, input, CALL_GAS)
        .orElseThrow(() -> new IllegalStateException("precompile " + address + " rejected its input"))
        .output();
  }

  private static byte[] multiplyG1(Precompiles precompiles, BigInteger scalar) {
    return run(precompiles, EC_MUL, concat(G1_GENERATOR, word(scalar)));
  }

  private static void readG2Multiples(List<BigInteger> scalars, List<byte[]> points) throws IOException {
    try (InputStream in = AltBn128Benchmark.class.getResourceAsStream("/bn254/g2-multiples.txt")) {
      Invariants.check(in != null, "resource /bn254/g2-multiples.txt missing");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.trim().split(" ");
        scalars.add(new BigInteger(fields[0], 16));
        points.add(Hex.decode(fields[1]));
      }
    }
  }

  private static boolean allZero(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] word(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bytes = value.toByteArray();
    int length = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }
}
