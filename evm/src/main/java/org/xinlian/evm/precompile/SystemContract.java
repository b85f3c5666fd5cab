package org.xinlian.evm.precompile;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Invariants;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Log;
import org.xinlian.evm.Message;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.state.WorldState;

/**
 * A native contract that reads and writes the world state, unlike a {@link Precompile}, which is a
 * pure function of its input: a chain's own rules kept in state, such as the validator set
 * (docs/adr/0009). Its effects are ordinary journaled state, so the state root covers them and a
 * revert undoes them like a reverted frame.
 *
 * <p>A contract that keeps storage at its address must make that account non-empty (a nonce of 1):
 * EIP-161 deletes a touched empty account, storage included, at the end of the transaction.
 */
public interface SystemContract {
  /**
   * Runs a message whose code address is this contract. Writes go to {@code state}; the message
   * processor keeps them only when the result is a success. Must be deterministic in the state,
   * the block and the message.
   */
  Result call(WorldState state, BlockContext block, Message message);

  /**
   * How a call ended.
   *
   * @param outcome success keeps the writes; revert undoes them and returns the output as revert
   *     data and the unused gas; an exceptional halt undoes them and uses all the gas
   * @param gasUsed at most the message's gas (ignored for a halt)
   * @param output return data, or revert data such as an ABI {@code Error(string)}
   * @param logs the events of a success, in order (a governance contract's record of each step);
   *     dropped with the writes on a revert or halt
   */
  record Result(Outcome outcome, long gasUsed, byte[] output, List<Log> logs) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(output, "output");
      Invariants.check(gasUsed >= 0, "gas used must not be negative: %s", gasUsed);
      output = output.clone();
      logs = List.copyOf(logs);
    }

    public Result(Outcome outcome, long gasUsed, byte[] output) {
      this(outcome, gasUsed, output, List.of());
    }

    @Override
    public byte[] output() {
      return output.clone();
    }

    public static Result success(long gasUsed, byte[] output) {
      return new Result(Outcome.SUCCESS, gasUsed, output);
    }

    public static Result success(long gasUsed, byte[] output, List<Log> logs) {
      return new Result(Outcome.SUCCESS, gasUsed, output, logs);
    }

    public static Result revert(long gasUsed, byte[] output) {
      return new Result(Outcome.REVERT, gasUsed, output);
    }

    /** The gas does not cover the call's price: everything is undone and all the gas is spent. */
    public static Result outOfGas() {
      return new Result(Outcome.EXCEPTIONAL_HALT, 0, new byte[0]);
    }
  }
}
