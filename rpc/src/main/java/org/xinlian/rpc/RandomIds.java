package org.xinlian.rpc;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Unguessable ids for filters, subscriptions and connections: 128 bits from a {@link SecureRandom},
 * written as a QUANTITY (0x, no leading zeros) as geth writes its ids, so clients that parse them
 * as numbers (web3j) send back exactly what they got.
 */
public final class RandomIds {
  /** Bits of an id: guessing one of a million live ids takes 2^108 tries. */
  public static final int ID_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  public static String next() {
    byte[] bytes = new byte[ID_BITS / 8];
    RANDOM.nextBytes(bytes);
    BigInteger value = new BigInteger(1, bytes);
    return "0x" + (value.signum() == 0 ? "1" : value.toString(16));
  }
}
