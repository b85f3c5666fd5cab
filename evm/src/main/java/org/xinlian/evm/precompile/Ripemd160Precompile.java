package org.xinlian.evm.precompile;

import java.util.Optional;
import org.xinlian.crypto.Ripemd160;

/** 0x03 RIPEMD-160: 600 plus 120 per word; the 20-byte digest left-padded to 32 bytes. */
final class Ripemd160Precompile implements Precompile {
  @Override
  public long gas(byte[] input) {
    return 600 + 120 * ((input.length + 31L) / 32);
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    byte[] out = new byte[32];
    System.arraycopy(Ripemd160.hash(input), 0, out, 12, Ripemd160.LENGTH);
    return Optional.of(out);
  }
}
