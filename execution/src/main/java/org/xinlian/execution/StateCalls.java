package org.xinlian.execution;

import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Outcome;
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
 */
final class StateCalls {
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

  CallResult call(CallRequest request, Optional<Hash> blockHash) {
    BlockHeader header = header(blockHash);
    return execute(request, header, request.gas().orElse(header.gasLimit()));
  }

  GasEstimate estimateGas(CallRequest request, Optional<Hash> blockHash) {
    BlockHeader header = header(blockHash);
    long high = request.gas().orElse(header.gasLimit());
    CallResult atHigh = execute(request, header, high);
    if (!atHigh.succeeded()) {
      return new GasEstimate(high, atHigh);
    }
    // Invariant of the search: the message fails at low and succeeds at high.
    long low = Math.max(TransactionProcessor.TRANSACTION_GAS, atHigh.gasUsed()) - 1;
    CallResult best = atHigh;
    while (low + 1 < high) {
      long middle = low + (high - low) / 2;
      CallResult attempt = execute(request, header, middle);
      if (attempt.succeeded()) {
        high = middle;
        best = attempt;
      } else {
        low = middle;
      }
    }
    return new GasEstimate(high, best);
  }

  private BlockHeader header(Optional<Hash> blockHash) {
    if (blockHash.isEmpty()) {
      return blocks.head().orElseThrow(() -> new IllegalStateException("call: the store holds no chain"));
    }
    return blocks.header(blockHash.get())
        .orElseThrow(() -> new IllegalArgumentException("blockHash: unknown block " + blockHash.get()));
  }

  private CallResult execute(CallRequest request, BlockHeader header, long gasLimit) {
    JournaledWorldState state = states.stateAt(header.stateRoot());
    Address from = request.from().orElse(Address.ZERO);
    // A read offering no price runs without a base fee, as geth's eth_call does.
    UInt256 baseFee = request.gasPrice().signum() == 0 ? UInt256.ZERO : settings.baseFeePerGas();
    BlockContext context = BlockExecution.context(settings, header.proposer(), header.number(),
        header.timestamp(), header.gasLimit(), baseFee, n -> blocks.canonicalHash(n).orElse(Hash.ZERO));
    TransactionResult result =
        processor.process(state, context, BlockExecution.message(request, state.nonce(from), gasLimit));
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
