package org.xinlian.evm.interpreter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Invariants;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.RevertReason;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.TransactionContext;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.precompile.SystemContract;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.evm.word.Words;

/**
 * Runs a message and every nested call with an explicit frame stack instead of Java recursion, so
 * 1024 nested calls need no deep thread stack. Starting a message applies the Yellow Paper's Θ/Λ
 * preamble (value transfer, account creation, collision check); finishing one applies the
 * creation epilogue (EIP-170, EIP-3541, code deposit) and commits or reverts its state. Starting a
 * message also asks the chain's {@link AccessPolicy} (EVM-16): a refused creation halts, a refused
 * call reverts with the reason.
 */
public final class MessageProcessor {
  private final WorldState state;
  private final BlockContext block;
  private final TransactionContext transaction;
  private final Precompiles precompiles;
  private final StopSignal stop;
  private final AccessPolicy policy;
  /** False for {@link AccessPolicy#OPEN}: an open chain asks nothing and allocates nothing. */
  private final boolean policed;

  public MessageProcessor(
      WorldState state, BlockContext block, TransactionContext transaction, Precompiles precompiles) {
    this(state, block, transaction, precompiles, StopSignal.NEVER);
  }

  /**
   * A processor that asks {@code stop} between instructions and before each message; when it
   * asks to stop, {@link #process} throws {@link org.xinlian.evm.ExecutionStoppedException} and
   * leaves reverting the state to the caller.
   */
  public MessageProcessor(WorldState state, BlockContext block, TransactionContext transaction,
      Precompiles precompiles, StopSignal stop) {
    this(state, block, transaction, precompiles, stop, AccessPolicy.OPEN);
  }

  /**
   * As {@link #MessageProcessor(WorldState, BlockContext, TransactionContext, Precompiles,
   * StopSignal)}, asking {@code policy} before every creation ({@link AccessPolicy#refuseCreate})
   * and every message to a contract that is not a precompile or system contract
   * ({@link AccessPolicy#refuseMessage}), with the journaled state as it is then (EVM-16).
   */
  public MessageProcessor(WorldState state, BlockContext block, TransactionContext transaction,
      Precompiles precompiles, StopSignal stop, AccessPolicy policy) {
    this.state = state;
    this.block = block;
    this.transaction = transaction;
    this.precompiles = precompiles;
    this.stop = stop;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.policed = policy != AccessPolicy.OPEN;
  }

  /**
   * Executes the message. Depth and balance pre-checks are the caller's (the opcode's or the
   * transaction's); for creations the sender's nonce must already be bumped.
   */
  public MessageResult process(Message message) {
    Deque<MessageFrame> frames = new ArrayDeque<>();
    MessageResult result = start(message, frames);
    while (true) {
      if (result != null) {
        MessageFrame parent = frames.peek();
        if (parent == null) {
          return result;
        }
        SystemOperations.resume(parent, parent.lastChild, result);
        parent.lastChild = null;
        result = null;
      }
      MessageFrame frame = frames.peek();
      Interpreter.run(frame, stop);
      Message child = frame.takePendingMessage();
      if (child != null) {
        frame.lastChild = child;
        stop.check();
        result = start(child, frames);
      } else {
        frames.pop();
        result = finish(frame);
      }
    }
  }

  /** Starts a message: returns its result if it completes without running code, else pushes a frame. */
  private MessageResult start(Message message, Deque<MessageFrame> frames) {
    if (message.kind().isCreate()) {
      // msg.sender of the creation: the contract executing CREATE, or the transaction's sender.
      if (policed && policy.refuseCreate(state, message.sender()).isPresent()) {
        // A failed CREATE as geth fails one on an address collision: nothing created, no value
        // moved, the creator's nonce stays bumped and the creation's gas is spent (GOV-9).
        return MessageResult.halt(HaltReason.CREATION_REFUSED);
      }
      Address address = message.recipient();
      if (state.nonce(address) != 0 || state.code(address).length != 0 || state.hasStorage(address)) {
        return MessageResult.halt(HaltReason.CONTRACT_ADDRESS_COLLISION);
      }
      int checkpoint = state.checkpoint();
      state.createAccount(address);
      state.setNonce(address, 1);
      transfer(message.sender(), address, message.value());
      MessageFrame frame = new MessageFrame(message, state, block, transaction, checkpoint);
      frames.push(frame);
      return null;
    }
    Address recipient = message.recipient();
    boolean precompile = precompiles.contains(message.codeAddress());
    if (policed) {
      Optional<String> refused = refusedMessage(message, precompile);
      if (refused.isPresent()) {
        // Refused before the value moves or any code runs: a REVERT that used no gas (GOV-12).
        return new MessageResult(Outcome.REVERT, message.gas(), RevertReason.errorData(refused.get()),
            List.of(), Optional.empty(), Optional.empty());
      }
    }
    int checkpoint = state.checkpoint();
    if (message.transfersValue()) {
      if (!state.exists(recipient) && !precompile && message.value().isZero()) {
        return success(message.gas(), new byte[0]);
      }
      transfer(message.sender(), recipient, message.value());
    } else if (message.kind() == MessageKind.STATICCALL) {
      state.touch(recipient);
    }
    Optional<SystemContract> system = precompiles.systemContract(message.codeAddress());
    if (system.isPresent()) {
      return runSystemContract(system.get(), message, checkpoint);
    }
    if (precompile) {
      Optional<Precompiles.Result> output =
          precompiles.run(message.codeAddress(), message.input(), message.gas());
      if (output.isEmpty()) {
        state.revertTo(checkpoint);
        return MessageResult.halt(HaltReason.PRECOMPILE_FAILURE);
      }
      return success(message.gas() - output.get().gasUsed(), output.get().output());
    }
    if (message.code().length == 0) {
      return success(message.gas(), new byte[0]);
    }
    frames.push(new MessageFrame(message, state, block, transaction, checkpoint));
    return null;
  }

  /**
   * Why the policy refuses the message's recipient or, when it runs another account's code
   * (CALLCODE, DELEGATECALL), that code; empty if neither is refused. Precompiles and system
   * contracts are the chain's own code and are never asked about.
   */
  private Optional<String> refusedMessage(Message message, boolean precompileCode) {
    Address recipient = message.recipient();
    if (!precompiles.contains(recipient)) {
      Optional<String> refused = policy.refuseMessage(state, recipient);
      if (refused.isPresent()) {
        return refused;
      }
    }
    Address code = message.codeAddress();
    if (precompileCode || code.equals(recipient)) {
      return Optional.empty();
    }
    return policy.refuseMessage(state, code);
  }

  /** Runs a system contract on the journaled state; only a success keeps its writes. */
  private MessageResult runSystemContract(SystemContract contract, Message message, int checkpoint) {
    SystemContract.Result result = contract.call(state, block, message);
    if (result.outcome() == Outcome.EXCEPTIONAL_HALT) {
      state.revertTo(checkpoint);
      return MessageResult.halt(HaltReason.PRECOMPILE_FAILURE);
    }
    Invariants.check(result.gasUsed() <= message.gas(),
        "system contract %s used %s gas of %s", message.codeAddress(), result.gasUsed(), message.gas());
    if (result.outcome() == Outcome.REVERT) {
      state.revertTo(checkpoint);
      return new MessageResult(Outcome.REVERT, message.gas() - result.gasUsed(), result.output(),
          List.of(), Optional.empty(), Optional.empty());
    }
    return new MessageResult(Outcome.SUCCESS, message.gas() - result.gasUsed(), result.output(),
        result.logs(), Optional.empty(), Optional.empty());
  }

  private void transfer(Address from, Address to, UInt256 value) {
    state.setBalance(from, Words.sub(state.balance(from), value));
    state.setBalance(to, Words.add(state.balance(to), value));
  }

  private static MessageResult success(long gasLeft, byte[] output) {
    return new MessageResult(
        Outcome.SUCCESS, gasLeft, output, List.of(), Optional.empty(), Optional.empty());
  }

  private MessageResult finish(MessageFrame frame) {
    Message message = frame.message;
    if (frame.outcome == Outcome.SUCCESS && message.kind().isCreate()) {
      depositCode(frame);
    }
    if (frame.outcome == Outcome.SUCCESS) {
      state.commit(frame.checkpoint);
    } else {
      state.revertTo(frame.checkpoint);
    }
    Optional<Address> created =
        frame.outcome == Outcome.SUCCESS && message.kind().isCreate()
            ? Optional.of(message.recipient())
            : Optional.empty();
    return new MessageResult(
        frame.outcome,
        frame.gasLeft,
        frame.output,
        frame.outcome == Outcome.SUCCESS ? List.copyOf(frame.logs) : List.of(),
        created,
        Optional.ofNullable(frame.haltReason));
  }

  private void depositCode(MessageFrame frame) {
    byte[] code = frame.output;
    if (code.length > Gas.CODE_BYTES_MAX) {
      frame.haltAfterExecution(HaltReason.CODE_TOO_LARGE);
    } else if (code.length > 0 && (code[0] & 0xFF) == 0xEF) {
      frame.haltAfterExecution(HaltReason.INVALID_CODE_PREFIX);
    } else if (!frame.tryUseGas(Gas.CODE_DEPOSIT_BYTE * code.length)) {
      frame.haltAfterExecution(HaltReason.OUT_OF_GAS);
    } else {
      state.setCode(frame.message.recipient(), code);
      frame.output = new byte[0];
    }
  }
}
