package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 0x06 ecAdd, 0x07 ecMul, 0x08 ecPairing (EIP-196/197) at the EIP-1108 (Istanbul) prices, as
 * they were implemented over {@link ReferenceAltBn128}: the oracle for byte-identical behaviour.
 */
final class ReferenceAltBn128Precompiles {
  private ReferenceAltBn128Precompiles() {}

  static final class Add implements Precompile {
    @Override
    public long gas(byte[] input) {
      return 150;
    }

    @Override
    public Optional<byte[]> execute(byte[] input) {
      var first = ReferenceAltBn128.parseG1(input, 0);
      var second = ReferenceAltBn128.parseG1(input, 64);
      if (first.isEmpty() || second.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          ReferenceAltBn128.encode(ReferenceAltBn128.add(first.get().orElse(null), second.get().orElse(null))));
    }
  }

  static final class Multiply implements Precompile {
    @Override
    public long gas(byte[] input) {
      return 6000;
    }

    @Override
    public Optional<byte[]> execute(byte[] input) {
      var point = ReferenceAltBn128.parseG1(input, 0);
      if (point.isEmpty()) {
        return Optional.empty();
      }
      BigInteger scalar = ReferenceAltBn128.word(input, 64);
      return Optional.of(ReferenceAltBn128.encode(ReferenceAltBn128.multiply(point.get().orElse(null), scalar)));
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
      List<ReferenceAltBn128.G1> g1 = new ArrayList<>();
      List<ReferenceAltBn128.G2> g2 = new ArrayList<>();
      for (int offset = 0; offset < input.length; offset += PAIR_BYTES) {
        var p = ReferenceAltBn128.parseG1(input, offset);
        var q = ReferenceAltBn128.parseG2(input, offset + 64);
        if (p.isEmpty() || q.isEmpty()) {
          return Optional.empty();
        }
        g1.add(p.get().orElse(null));
        g2.add(q.get().orElse(null));
      }
      byte[] out = new byte[32];
      if (ReferenceAltBn128Pairing.productIsOne(g1, g2)) {
        out[31] = 1;
      }
      return Optional.of(out);
    }
  }
}
