package org.xinlian.evm.interpreter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.Log;
import org.xinlian.evm.Message;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.TransactionContext;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/**
 * The machine state of one executing message (Yellow Paper μ): program counter, gas, stack,
 * memory and return data, plus the suspended child message while a CALL or CREATE runs.
 */
public final class MessageFrame {
  /** Beyond this, memory would cost trillions of gas; treating it as out of gas keeps Java arrays valid. */
  static final long MEMORY_BYTES_MAX = 0x7FFF_0000L;

  final Message message;
  final WorldState state;
  final BlockContext block;
  final TransactionContext transaction;
  final byte[] code;
  final BitSet jumpDestinations;
  final int checkpoint;
  final Stack stack = new Stack();
  final Memory memory = new Memory();
  final List<Log> logs = new ArrayList<>();
  int pc;
  long gasLeft;
  byte[] returnData = new byte[0];

  Outcome outcome;
  HaltReason haltReason;
  byte[] output = new byte[0];
  Message pendingMessage;
  /** The child being run for the opcode this frame is suspended on. */
  Message lastChild;
  /** Where the pending call's output is copied when it returns (CALL family only). */
  int pendingMemoryOffset;
  int pendingMemoryLength;

  MessageFrame(
      Message message,
      WorldState state,
      BlockContext block,
      TransactionContext transaction,
      int checkpoint) {
    this.message = message;
    this.state = state;
    this.block = block;
    this.transaction = transaction;
    this.code = message.code();
    this.jumpDestinations = JumpDestinations.analyze(code);
    this.gasLeft = message.gas();
    this.checkpoint = checkpoint;
  }

  public Message message() {
    return message;
  }

  public long gasLeft() {
    return gasLeft;
  }

  public boolean isFinished() {
    return outcome != null;
  }

  public Outcome outcome() {
    return outcome;
  }

  public HaltReason haltReason() {
    return haltReason;
  }

  public byte[] output() {
    return output;
  }

  public List<Log> logs() {
    return logs;
  }

  public int checkpoint() {
    return checkpoint;
  }

  /** The child message a CALL or CREATE is waiting for, taken once by the driver. */
  public Message takePendingMessage() {
    Message pending = pendingMessage;
    pendingMessage = null;
    return pending;
  }

  void useGas(long amount) {
    if (amount < 0 || amount > gasLeft) {
      gasLeft = 0;
      throw new ExceptionalHalt(HaltReason.OUT_OF_GAS);
    }
    gasLeft -= amount;
  }

  /** Adds back gas a child did not use (or a failed call's unspent allowance). */
  void returnGas(long amount) {
    gasLeft += amount;
  }

  /**
   * Charges the expansion for touching {@code [offset, offset + length)} and grows memory; returns
   * the offset as an int. A zero length touches nothing, whatever the offset (Yellow Paper M).
   */
  int expandMemory(UInt256 offset, UInt256 length) {
    if (length.isZero()) {
      return 0;
    }
    if (!offset.fitsLong() || !length.fitsLong()
        || offset.longValue() > MEMORY_BYTES_MAX || length.longValue() > MEMORY_BYTES_MAX
        || offset.longValue() + length.longValue() > MEMORY_BYTES_MAX) {
      throw outOfGas();
    }
    long end = offset.longValue() + length.longValue();
    long newWords = (end + 31) / 32;
    long oldWords = memory.words();
    if (newWords > oldWords) {
      useGas(memoryCost(newWords) - memoryCost(oldWords));
      memory.ensureWords(newWords);
    }
    return (int) offset.longValue();
  }

  /** Yellow Paper C_mem: 3 per word plus words squared over 512. */
  static long memoryCost(long words) {
    return 3 * words + words * words / 512;
  }

  ExceptionalHalt outOfGas() {
    gasLeft = 0;
    return new ExceptionalHalt(HaltReason.OUT_OF_GAS);
  }

  void finish(Outcome finalOutcome, byte[] finalOutput) {
    outcome = finalOutcome;
    output = finalOutput;
  }

  void halt(HaltReason reason) {
    outcome = Outcome.EXCEPTIONAL_HALT;
    haltReason = reason;
    output = new byte[0];
    gasLeft = 0;
  }

  /** Ends the frame from outside the interpreter (creation checks after the code has run). */
  public void haltAfterExecution(HaltReason reason) {
    halt(reason);
  }

  /** Charges gas from outside the interpreter; returns false (and charges nothing) if short. */
  public boolean tryUseGas(long amount) {
    if (amount > gasLeft) {
      return false;
    }
    gasLeft -= amount;
    return true;
  }
}
