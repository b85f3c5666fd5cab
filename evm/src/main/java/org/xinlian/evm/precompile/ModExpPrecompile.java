package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Optional;

/**
 * 0x05 modular exponentiation (EIP-198) priced by EIP-2565. Lengths are 256-bit words; absurd ones
 * only make the price absurd (computed in BigInteger, saturated to Long.MAX_VALUE), so nothing is
 * allocated before the gas check passes. Moduli of up to 64 bits, the cheapest per exponent bit,
 * take {@link SmallModExp}; larger ones BigInteger's Montgomery window exponentiation.
 */
final class ModExpPrecompile implements Precompile {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static BigInteger word(byte[] input, long offset) {
    return new BigInteger(1, slice(input, offset, 32));
  }

  /** Bytes {@code [offset, offset + length)} of the input, zero past its end. */
  private static byte[] slice(byte[] input, long offset, int length) {
    byte[] out = new byte[length];
    if (offset < input.length) {
      int available = (int) Math.min(length, input.length - offset);
      System.arraycopy(input, (int) offset, out, 0, available);
    }
    return out;
  }

  @Override
  public long gas(byte[] input) {
    BigInteger baseLength = word(input, 0);
    BigInteger exponentLength = word(input, 32);
    BigInteger modulusLength = word(input, 64);
    BigInteger words = baseLength.max(modulusLength).add(BigInteger.valueOf(7)).shiftRight(3);
    BigInteger complexity = words.multiply(words);
    BigInteger iterations = iterationCount(input, baseLength, exponentLength);
    BigInteger gas = complexity.multiply(iterations).divide(BigInteger.valueOf(3)).max(BigInteger.valueOf(200));
    return gas.min(LONG_MAX).longValue();
  }

  private static BigInteger iterationCount(byte[] input, BigInteger baseLength, BigInteger exponentLength) {
    BigInteger head;
    if (baseLength.bitLength() > 62) {
      head = BigInteger.ZERO;
    } else {
      long exponentOffset = 96 + baseLength.longValue();
      int headLength = exponentLength.min(BigInteger.valueOf(32)).intValue();
      head = new BigInteger(1, slice(input, exponentOffset, headLength));
    }
    BigInteger count;
    if (exponentLength.compareTo(BigInteger.valueOf(32)) <= 0) {
      count = BigInteger.valueOf(Math.max(head.bitLength() - 1, 0));
    } else {
      BigInteger extra = exponentLength.subtract(BigInteger.valueOf(32)).shiftLeft(3);
      count = extra.add(BigInteger.valueOf(Math.max(head.bitLength() - 1, 0)));
    }
    return count.max(BigInteger.ONE);
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    BigInteger baseWord = word(input, 0);
    BigInteger exponentWord = word(input, 32);
    BigInteger modulusWord = word(input, 64);
    if (baseWord.signum() == 0 && modulusWord.signum() == 0) {
      return Optional.of(new byte[0]);
    }
    // A paid-for call has small base and modulus lengths; only an exponent length costing more
    // than 10^12 gas could exceed an int, and such a call is treated as failed.
    if (baseWord.bitLength() > 31 || exponentWord.bitLength() > 31 || modulusWord.bitLength() > 31) {
      return Optional.empty();
    }
    int baseLength = baseWord.intValue();
    int exponentLength = exponentWord.intValue();
    int modulusLength = modulusWord.intValue();
    BigInteger base = new BigInteger(1, slice(input, 96, baseLength));
    byte[] exponentBytes = slice(input, 96L + baseLength, exponentLength);
    BigInteger modulus = new BigInteger(1, slice(input, 96L + baseLength + exponentLength, modulusLength));
    byte[] out = new byte[modulusLength];
    if (modulus.signum() == 0) {
      return Optional.of(out);
    }
    BigInteger power = modulus.bitLength() <= Long.SIZE
        ? SmallModExp.unsigned(SmallModExp.modPow(base, exponentBytes, modulus))
        : base.modPow(new BigInteger(1, exponentBytes), modulus);
    byte[] result = power.toByteArray();
    int copy = Math.min(result.length, modulusLength);
    System.arraycopy(result, result.length - copy, out, modulusLength - copy, copy);
    return Optional.of(out);
  }
}
