package org.xinlian.execution.pool;

/**
 * Bounds on the pool's memory, so that a flood of valid transactions cannot exhaust the node.
 *
 * @param transactionsMax most transactions held, executable and queued together
 * @param perSenderMax most transactions held for one sender, so one account cannot crowd out
 *     the others
 * @param bytesMax most encoded transaction bytes held
 * @param queuedLifetimeMillis how long a queued (not yet executable) transaction may wait for its
 *     nonce gap to be filled before it is dropped, measured on the pool's {@link
 *     org.xinlian.common.Clock}
 */
public record PoolLimits(
    int transactionsMax, int perSenderMax, long bytesMax, long queuedLifetimeMillis) {
  /** geth's default: 4096 executable plus 1024 queued slots. */
  public static final int TRANSACTIONS_MAX_DEFAULT = 5_120;

  /** geth's default per-account slots (16 executable plus 64 queued). */
  public static final int PER_SENDER_MAX_DEFAULT = 80;

  /** 64 MiB: the default transaction count at an average of about 12 KiB each. */
  public static final long BYTES_MAX_DEFAULT = 64L * 1024 * 1024;

  /** Three hours, geth's lifetime for queued transactions. */
  public static final long QUEUED_LIFETIME_MILLIS_DEFAULT = 3L * 60 * 60 * 1000;

  public PoolLimits {
    if (transactionsMax < 1 || perSenderMax < 1 || bytesMax < 1 || queuedLifetimeMillis < 1) {
      throw new IllegalArgumentException(
          "limits: every pool limit must be positive, got " + transactionsMax + ", "
              + perSenderMax + ", " + bytesMax + ", " + queuedLifetimeMillis);
    }
  }

  /** The defaults above. */
  public static PoolLimits defaults() {
    return new PoolLimits(
        TRANSACTIONS_MAX_DEFAULT, PER_SENDER_MAX_DEFAULT, BYTES_MAX_DEFAULT,
        QUEUED_LIFETIME_MILLIS_DEFAULT);
  }
}
