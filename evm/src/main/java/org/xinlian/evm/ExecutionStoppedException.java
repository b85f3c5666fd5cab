package org.xinlian.evm;

/**
 * A {@link StopSignal} ended a transaction before it finished; the transaction processor has
 * already put the state back as it was before the transaction.
 */
public final class ExecutionStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExecutionStoppedException() {
    super("execution stopped before the transaction finished", null, false, false);
  }
}
