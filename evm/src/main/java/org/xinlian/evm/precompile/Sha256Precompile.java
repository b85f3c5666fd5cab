package org.xinlian.evm.precompile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** 0x02 SHA-256: 60 plus 12 per word (Yellow Paper appendix E). */
final class Sha256Precompile implements Precompile {
  @Override
  public long gas(byte[] input) {
    return 60 + 12 * ((input.length + 31L) / 32);
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    try {
      return Optional.of(MessageDigest.getInstance("SHA-256").digest(input));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }
}
