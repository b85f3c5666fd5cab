package org.xinlian.testkit;

import org.xinlian.common.Hash;

/**
 * How long the application's work takes on a simulated node (CONSENSUS-22). Executing a block is a
 * property of the block, as gas is: the same block takes the same time on every node, drawn from
 * its hash. A share of blocks, in thousandths, is slow: it executes for {@code slowExecutionMillis},
 * which a scenario sets above the round timeout — the fault that froze a real network when a
 * pairing-heavy transaction took longer to check than a round lasted. Building a block takes a
 * normal execution time (a proposer bounds its own build, CONSENSUS-21); committing a block this
 * node already executed takes {@code executionMinMillis}.
 */
public record ExecutionConditions(
    long executionMinMillis, long executionMaxMillis, int slowBlocksPermille, long slowExecutionMillis) {
  public ExecutionConditions {
    if (executionMinMillis < 0 || executionMaxMillis < executionMinMillis) {
      throw new IllegalArgumentException("execution times: need 0 <= min <= max");
    }
    if (slowBlocksPermille < 0 || slowBlocksPermille > 1000 || slowExecutionMillis < 0) {
      throw new IllegalArgumentException("slow blocks: permille in [0, 1000], duration not negative");
    }
  }

  /** Quick execution, no slow blocks: 1 to 10 ms per block. */
  public static ExecutionConditions quick() {
    return new ExecutionConditions(1, 10, 0, 0);
  }

  /** How long executing the block with {@code hash} takes, on any node. */
  long executionMillis(Hash hash) {
    byte[] bytes = hash.toArray();
    int draw = ((bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF)) % 1000;
    if (draw < slowBlocksPermille) {
      return slowExecutionMillis;
    }
    long spread = executionMaxMillis - executionMinMillis + 1;
    long value = ((bytes[2] & 0xFFL) << 16 | (bytes[3] & 0xFFL) << 8 | (bytes[4] & 0xFFL));
    return executionMinMillis + value % spread;
  }

  /** A normal (never slow) execution time, for builds, from a draw of the node's random. */
  long normalMillis(int draw) {
    return executionMinMillis + Math.floorMod(draw, (int) (executionMaxMillis - executionMinMillis + 1));
  }
}
