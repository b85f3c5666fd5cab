package org.xinlian.execution;

/**
 * Bounds on one proposal. The gas bound is capped by the chain's block gas limit; the byte and
 * count bounds keep a block small enough to gossip and verify within a consensus round.
 *
 * @param gas the most gas the transactions' gas limits may add up to
 * @param bytes the most bytes the transaction envelopes may add up to
 * @param transactions the most transactions
 */
public record BlockLimits(long gas, long bytes, int transactions) {
  public BlockLimits {
    if (gas < 0 || bytes < 0 || transactions < 0) {
      throw new IllegalArgumentException("block limits: negative bound");
    }
  }
}
