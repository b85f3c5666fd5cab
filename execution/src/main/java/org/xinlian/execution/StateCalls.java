package org.xinlian.execution;

import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.interpreter.Gas;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.transaction.TransactionProcessor;
import org.xinlian.evm.transaction.TransactionResult;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.types.block.BlockHeader;

/**
 * The read side for RPC: messages executed on a committed state through the tries, never the
 * flat head view, so a call may run while a commit rewrites that view (EXECUTION-6, EXECUTION-7).
 * Every run asks the caller's stop signal (EXECUTION-15); this class never reads a clock.
 */
final class StateCalls {
  /** Most executions of the call one estimate makes, the first at the request's gas included. */
  static final int ESTIMATE_EXECUTIONS_MAX = 24;
  /** The search ends once the failing and succeeding limits are this close (geth's 1.5%). */
  static final double ESTIMATE_ERROR_RATIO = 0.015;

  private final ExecutionSettings settings;
  private final StateDatabase states;
  private final BlockStore blocks;
  private final TransactionProcessor processor;

  StateCalls(ExecutionSettings settings, StateDatabase states, BlockStore blocks, TransactionProcessor processor) {
    this.settings = settings;
    this.states = states;
    this.blocks = blocks;
    this.processor = processor;
  }

  CallResult call(CallRequest request, Optional<Hash> blockHash, StopSignal stop) {
    BlockHeader header = header(blockHash);
    return execute(request, header, gasFor(request, header), stop);
  }

  /**
   * The search of EXECUTION-7, as geth's: the call at the request's gas, then at exactly the gas
   * it used (most calls need no more, so the answer is exact after two runs), then at an
   * optimistic guess, then a bisection that doubles the failing bound while it is far below the
   * succeeding one and stops once the two are within {@link #ESTIMATE_ERROR_RATIO}. Every run
   * asks {@code stop}, and there are at most {@link #ESTIMATE_EXECUTIONS_MAX}: an estimate costs a
   * few calls, not the 25 a plain bisection of a 30,000,000 range makes.
   */
  GasEstimate estimateGas(CallRequest request, Optional<Hash> blockHash, StopSignal stop) {
    BlockHeader header = header(blockHash);
    long high = gasFor(request, header);
    CallResult atHigh = execute(request, header, high, stop);
    if (!atHigh.succeeded()) {
      return new GasEstimate(high, atHigh);
    }
    int executions = 1;
    // Invariant of the search: the message fails at low and succeeds at high.
    long low = Math.max(TransactionProcessor.TRANSACTION_GAS, atHigh.gasUsed()) - 1;
    CallResult best = atHigh;
    if (low + 1 < high) {
      CallResult exact = execute(request, header, low + 1, stop);
      executions++;
      if (exact.succeeded()) {
        return new GasEstimate(low + 1, exact);
      }
      low++;
    }
    // What the call used, plus the stipend a value-carrying nested call is given and the 64th
    // every call level keeps back (EIP-150): enough for most calls that the exact try failed.
    long used = atHigh.gasUsed() + Gas.CALL_STIPEND;
    long optimistic = used + used / 63;
    if (optimistic > low && optimistic < high) {
      CallResult attempt = execute(request, header, optimistic, stop);
      executions++;
      if (attempt.succeeded()) {
        high = optimistic;
        best = attempt;
      } else {
        low = optimistic;
      }
    }
    while (low + 1 < high && executions < ESTIMATE_EXECUTIONS_MAX
        && (double) (high - low) / high >= ESTIMATE_ERROR_RATIO) {
      long middle = low + (high - low) / 2;
      if (middle / 2 > low) {
        // Far below the succeeding bound, doubling the failing one reaches the answer sooner.
        middle = low * 2;
      }
      CallResult attempt = execute(request, header, middle, stop);
      executions++;
      if (attempt.succeeded()) {
        high = middle;
        best = attempt;
      } else {
        low = middle;
      }
    }
    return new GasEstimate(high, best);
  }

  /**
   * The gas a call runs with: what it asks for, else the block's gas limit (EXECUTION-6). It may
   * ask for more than a block holds, as geth's calls may; the RPC's gas cap bounds it. The block's
   * own header, not the head's: validation made it that height's {@code blockGasLimit} (GOV-15),
   * so a call at an old block sees the limit (and GASLIMIT) that block ran with, even after a vote
   * changed it, and the answer for a block never changes.
   */
  private static long gasFor(CallRequest request, BlockHeader header) {
    return request.gas().orElse(header.gasLimit());
  }

  private BlockHeader header(Optional<Hash> blockHash) {
    if (blockHash.isEmpty()) {
      return blocks.head().orElseThrow(() -> new IllegalStateException("call: the store holds no chain"));
    }
    return blocks.header(blockHash.get())
        .orElseThrow(() -> new IllegalArgumentException("blockHash: unknown block " + blockHash.get()));
  }

  private CallResult execute(CallRequest request, BlockHeader header, long gasLimit, StopSignal stop) {
    // Asked before each run too, so an estimate of a short call still stops between its runs.
    stop.check();
    JournaledWorldState state = states.stateAt(header.stateRoot());
    Address from = request.from().orElse(Address.ZERO);
    // A read offering no price runs without a base fee, as geth's eth_call does.
    UInt256 baseFee = request.gasPrice().signum() == 0 ? UInt256.ZERO : settings.baseFeePerGas();
    BlockContext context = BlockExecution.context(settings, header.proposer(), header.number(),
        header.timestamp(), header.gasLimit(), baseFee, n -> blocks.canonicalHash(n).orElse(Hash.ZERO));
    TransactionResult result =
        processor.processCall(state, context, BlockExecution.message(request, state.nonce(from), gasLimit),
            stop);
    if (result.isRejected()) {
      return new CallResult(CallResult.Status.REJECTED, new byte[0], 0, result.rejection().get(),
          Optional.empty());
    }
    Outcome outcome = result.outcome();
    return switch (outcome) {
      // A creation's "output" is the deployed runtime code, as geth's eth_call answers, so a
      // tool can check what a deployment would install before sending it.
      case SUCCESS -> new CallResult(CallResult.Status.SUCCESS,
          result.createdAddress().map(state::code).orElse(result.output()), result.gasUsed(), "",
          result.createdAddress());
      case REVERT -> new CallResult(CallResult.Status.REVERTED, result.output(), result.gasUsed(),
          "execution reverted", Optional.empty());
      case EXCEPTIONAL_HALT -> new CallResult(CallResult.Status.HALTED, new byte[0], result.gasUsed(),
          "execution halted (out of gas or an invalid operation)", Optional.empty());
    };
  }
}
