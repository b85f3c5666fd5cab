package org.xinlian.evm.precompile;

import java.util.Optional;

/** 0x04 identity: 15 plus 3 per word (Yellow Paper appendix E). */
final class IdentityPrecompile implements Precompile {
  @Override
  public long gas(byte[] input) {
    return 15 + 3 * ((input.length + 31L) / 32);
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    return Optional.of(input.clone());
  }
}
