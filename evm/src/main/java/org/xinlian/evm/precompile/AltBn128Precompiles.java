package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 0x06 ecAdd, 0x07 ecMul, 0x08 ecPairing (EIP-196/197) at the EIP-1108 (Istanbul) prices. Those
 * prices assume fast native code; a contract can loop on any of these, so they must run at or
 * above EVM-14's floor (bench: AltBn128Benchmark).
 */
final class AltBn128Precompiles {
  private AltBn128Precompiles() {}

  static final class Add implements Precompile {
    private static final int INPUT_BYTES = 128;

    @Override
    public long gas(byte[] input) {
      return 150;
    }

    @Override
    public Optional<byte[]> execute(byte[] input) {
      byte[] in = AltBn128.padded(input, INPUT_BYTES);
      AltBn128.G1Input first = AltBn128.readG1(in, 0);
      AltBn128.G1Input second = AltBn128.readG1(in, 64);
      if (!first.valid() || !second.valid()) {
        return Optional.empty();
      }
      return Optional.of(AltBn128.encode(Bn254G1.add(first.point(), second.point())));
    }
  }

  static final class Multiply implements Precompile {
    private static final int INPUT_BYTES = 96;

    @Override
    public long gas(byte[] input) {
      return 6000;
    }

    @Override
    public Optional<byte[]> execute(byte[] input) {
      byte[] in = AltBn128.padded(input, INPUT_BYTES);
      AltBn128.G1Input point = AltBn128.readG1(in, 0);
      if (!point.valid()) {
        return Optional.empty();
      }
      BigInteger scalar = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
      return Optional.of(AltBn128.encode(Bn254G1.multiply(point.point(), scalar)));
    }
  }

  static final class Pairing implements Precompile {
    private static final int PAIR_BYTES = 192;

    @Override
    public long gas(byte[] input) {
      return 45_000L + 34_000L * (input.length / PAIR_BYTES);
    }

    @Override
    public Optional<byte[]> execute(byte[] input) {
      if (input.length % PAIR_BYTES != 0) {
        return Optional.empty();
      }
      int pairs = input.length / PAIR_BYTES;
      List<Bn254G1.Affine> g1 = new ArrayList<>(pairs);
      List<Bn254G2.Affine> g2 = new ArrayList<>(pairs);
      for (int offset = 0; offset < input.length; offset += PAIR_BYTES) {
        // Both points are validated even when one is infinity: an invalid point fails the call.
        AltBn128.G1Input p = AltBn128.readG1(input, offset);
        AltBn128.G2Input q = AltBn128.readG2(input, offset + 64);
        if (!p.valid() || !q.valid()) {
          return Optional.empty();
        }
        g1.add(p.point());
        g2.add(q.point());
      }
      byte[] out = new byte[32];
      if (Bn254Pairing.productIsOne(g1, g2)) {
        out[31] = 1;
      }
      return Optional.of(out);
    }
  }
}
