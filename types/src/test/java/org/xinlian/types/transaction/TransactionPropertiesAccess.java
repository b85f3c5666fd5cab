package org.xinlian.types.transaction;

/** Lets tests in other packages reuse the byte mutations of {@link TransactionProperties}. */
public final class TransactionPropertiesAccess {
  private TransactionPropertiesAccess() {}

  public static byte[] mutate(byte[] encoded, int mutation, int where, byte value) {
    return TransactionProperties.mutate(encoded, mutation, where, value);
  }
}
