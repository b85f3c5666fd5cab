package org.xinlian.execution;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;

/** Creates the execution port; its implementation stays private to this package. */
public final class Executions {
  private Executions() {}

  /**
   * The port over a ledger whose genesis is committed (see
   * {@link org.xinlian.execution.genesis.Genesis#initialize}).
   *
   * @param store the store {@code states} and {@code blocks} were opened on
   * @param signatureExecutor a bounded executor for recovering the senders of proposed blocks
   *     in parallel; the caller owns and shuts it down
   */
  public static ExecutionPort overLedger(ExecutionSettings settings, KeyValueStore store,
      StateDatabase states, BlockStore blocks, Executor signatureExecutor) {
    return overLedger(settings, store, states, blocks, signatureExecutor, KnownTransactions.none());
  }

  /**
   * As {@link #overLedger(ExecutionSettings, KeyValueStore, StateDatabase, BlockStore, Executor)},
   * taking the senders of a checked block's transactions from {@code known} where it has them
   * instead of recovering them again (a network node passes its pool).
   */
  public static ExecutionPort overLedger(ExecutionSettings settings, KeyValueStore store,
      StateDatabase states, BlockStore blocks, Executor signatureExecutor, KnownTransactions known) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(states, "states");
    Objects.requireNonNull(blocks, "blocks");
    Objects.requireNonNull(signatureExecutor, "signatureExecutor");
    Objects.requireNonNull(known, "known");
    if (!states.suite().name().equals(settings.suite().name())
        || !blocks.suite().name().equals(settings.suite().name())) {
      throw new IllegalArgumentException("execution: the state database, block store and settings "
          + "must use the same suite");
    }
    return new LedgerExecution(settings, store, states, blocks, signatureExecutor, known);
  }
}
