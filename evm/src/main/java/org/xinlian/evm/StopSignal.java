package org.xinlian.evm;

/**
 * Asked by the interpreter every {@link #STEPS_BETWEEN_CHECKS} instructions and before each
 * message whether to abandon the transaction: a caller's time budget ran out, or its client went
 * away. Only work whose result nobody else must reproduce may pass one — a JSON-RPC call, an
 * estimate, a proposer building its block. Validating or finalising a block never does, so what a
 * block holds is decided by gas alone and every validator reaches the same state.
 */
@FunctionalInterface
public interface StopSignal {
  /** Instructions between two checks: a check costs a clock read, an instruction a few ns. */
  int STEPS_BETWEEN_CHECKS = 1024;

  /** Never stops: block validation, state tests. */
  StopSignal NEVER = () -> false;

  boolean stopRequested();

  /** Throws {@link ExecutionStoppedException} if a stop was requested. */
  default void check() {
    if (stopRequested()) {
      throw new ExecutionStoppedException();
    }
  }
}
