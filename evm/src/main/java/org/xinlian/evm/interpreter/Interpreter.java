package org.xinlian.evm.interpreter;

import org.xinlian.evm.HaltReason;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.word.UInt256;
import org.xinlian.evm.word.Words;

/**
 * Runs a frame's code until it finishes or suspends on a CALL/CREATE (the driver runs the child
 * and resumes the frame). Arithmetic, stack and flow opcodes are here; the rest are grouped in
 * sibling classes. Exceptional halts unwind as {@link ExceptionalHalt} and end the frame here.
 */
public final class Interpreter {
  private Interpreter() {}

  /** Executes until the frame finishes or has a pending child message. */
  public static void run(MessageFrame frame) {
    run(frame, StopSignal.NEVER);
  }

  /**
   * Executes until the frame finishes or has a pending child message, asking {@code stop} every
   * {@link StopSignal#STEPS_BETWEEN_CHECKS} instructions.
   *
   * @throws org.xinlian.evm.ExecutionStoppedException when {@code stop} asks to stop
   */
  public static void run(MessageFrame frame, StopSignal stop) {
    int untilCheck = StopSignal.STEPS_BETWEEN_CHECKS;
    try {
      while (frame.outcome == null && frame.pendingMessage == null) {
        step(frame);
        if (--untilCheck == 0) {
          untilCheck = StopSignal.STEPS_BETWEEN_CHECKS;
          stop.check();
        }
      }
    } catch (ExceptionalHalt halt) {
      frame.halt(halt.reason);
    }
  }

  private static void step(MessageFrame frame) {
    byte[] code = frame.code;
    if (frame.pc >= code.length) {
      frame.finish(Outcome.SUCCESS, new byte[0]);
      return;
    }
    int opcode = code[frame.pc] & 0xFF;
    Stack stack = frame.stack;
    switch (opcode) {
      case 0x00:
        frame.finish(Outcome.SUCCESS, new byte[0]);
        return;
      case 0x01:
        binary(frame, Gas.VERY_LOW, Words::add);
        break;
      case 0x02:
        binary(frame, Gas.LOW, Words::mul);
        break;
      case 0x03:
        binary(frame, Gas.VERY_LOW, Words::sub);
        break;
      case 0x04:
        binary(frame, Gas.LOW, Words::div);
        break;
      case 0x05:
        binary(frame, Gas.LOW, Words::sdiv);
        break;
      case 0x06:
        binary(frame, Gas.LOW, Words::mod);
        break;
      case 0x07:
        binary(frame, Gas.LOW, Words::smod);
        break;
      case 0x08:
        frame.useGas(Gas.MID);
        stack.push(Words.addmod(stack.pop(), stack.pop(), stack.pop()));
        break;
      case 0x09:
        frame.useGas(Gas.MID);
        stack.push(Words.mulmod(stack.pop(), stack.pop(), stack.pop()));
        break;
      case 0x0a:
        exp(frame);
        break;
      case 0x0b:
        binary(frame, Gas.LOW, Words::signExtend);
        break;
      case 0x10:
        binary(frame, Gas.VERY_LOW, (a, b) -> bool(a.compareTo(b) < 0));
        break;
      case 0x11:
        binary(frame, Gas.VERY_LOW, (a, b) -> bool(a.compareTo(b) > 0));
        break;
      case 0x12:
        binary(frame, Gas.VERY_LOW, (a, b) -> bool(a.compareSigned(b) < 0));
        break;
      case 0x13:
        binary(frame, Gas.VERY_LOW, (a, b) -> bool(a.compareSigned(b) > 0));
        break;
      case 0x14:
        binary(frame, Gas.VERY_LOW, (a, b) -> bool(a.equals(b)));
        break;
      case 0x15:
        frame.useGas(Gas.VERY_LOW);
        stack.push(bool(stack.pop().isZero()));
        break;
      case 0x16:
        binary(frame, Gas.VERY_LOW, Words::and);
        break;
      case 0x17:
        binary(frame, Gas.VERY_LOW, Words::or);
        break;
      case 0x18:
        binary(frame, Gas.VERY_LOW, Words::xor);
        break;
      case 0x19:
        frame.useGas(Gas.VERY_LOW);
        stack.push(Words.not(stack.pop()));
        break;
      case 0x1a:
        binary(frame, Gas.VERY_LOW, Words::byteAt);
        break;
      case 0x1b:
        binary(frame, Gas.VERY_LOW, (shift, value) -> Words.shl(value, shift));
        break;
      case 0x1c:
        binary(frame, Gas.VERY_LOW, (shift, value) -> Words.shr(value, shift));
        break;
      case 0x1d:
        binary(frame, Gas.VERY_LOW, (shift, value) -> Words.sar(value, shift));
        break;
      case 0x50:
        frame.useGas(Gas.BASE);
        stack.pop();
        break;
      case 0x56:
        frame.useGas(Gas.MID);
        jump(frame, stack.pop());
        return;
      case 0x57:
        {
          frame.useGas(Gas.HIGH);
          UInt256 destination = stack.pop();
          UInt256 condition = stack.pop();
          if (!condition.isZero()) {
            jump(frame, destination);
            return;
          }
          break;
        }
      case 0x58:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.pc));
        break;
      case 0x5a:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.gasLeft));
        break;
      case 0x5b:
        frame.useGas(Gas.JUMPDEST);
        break;
      case 0x5f:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.ZERO);
        break;
      case 0xfe:
        throw new ExceptionalHalt(HaltReason.INVALID_OPCODE);
      default:
        if (opcode >= Opcodes.PUSH1 && opcode <= Opcodes.PUSH32) {
          push(frame, opcode - Opcodes.PUSH1 + 1);
          return;
        }
        if (opcode >= Opcodes.DUP1 && opcode <= Opcodes.DUP16) {
          frame.useGas(Gas.VERY_LOW);
          stack.dup(opcode - Opcodes.DUP1);
          break;
        }
        if (opcode >= Opcodes.SWAP1 && opcode <= Opcodes.SWAP16) {
          frame.useGas(Gas.VERY_LOW);
          stack.swap(opcode - Opcodes.SWAP1 + 1);
          break;
        }
        if (!EnvironmentOperations.execute(frame, opcode)
            && !MemoryOperations.execute(frame, opcode)
            && !SystemOperations.execute(frame, opcode)) {
          throw new ExceptionalHalt(HaltReason.INVALID_OPCODE);
        }
        if (frame.outcome != null) {
          return;
        }
        break;
    }
    frame.pc++;
  }

  @FunctionalInterface
  private interface BinaryOperation {
    UInt256 apply(UInt256 first, UInt256 second);
  }

  private static void binary(MessageFrame frame, long gas, BinaryOperation operation) {
    frame.useGas(gas);
    UInt256 first = frame.stack.pop();
    UInt256 second = frame.stack.pop();
    frame.stack.push(operation.apply(first, second));
  }

  static UInt256 bool(boolean value) {
    return value ? UInt256.ONE : UInt256.ZERO;
  }

  /** EXP: 10 plus 50 per byte of the exponent (EIP-160). */
  private static void exp(MessageFrame frame) {
    UInt256 base = frame.stack.pop();
    UInt256 exponent = frame.stack.pop();
    frame.useGas(Gas.EXP + Gas.EXP_BYTE * exponent.byteLength());
    frame.stack.push(Words.exp(base, exponent));
  }

  private static void jump(MessageFrame frame, UInt256 destination) {
    if (!destination.fitsInt() || !frame.jumpDestinations.get((int) destination.longValue())) {
      throw new ExceptionalHalt(HaltReason.INVALID_JUMP);
    }
    frame.pc = (int) destination.longValue();
  }

  /** PUSHn reads n immediate bytes; bytes past the end of code read as zero. */
  private static void push(MessageFrame frame, int length) {
    frame.useGas(Gas.VERY_LOW);
    byte[] code = frame.code;
    int start = frame.pc + 1;
    if (length <= 8 && start + length <= code.length) {
      long value = 0;
      for (int i = 0; i < length; i++) {
        value = (value << 8) | (code[start + i] & 0xFF);
      }
      frame.stack.push(UInt256.fromLong(value));
    } else {
      byte[] immediate = new byte[length];
      int available = Math.max(0, Math.min(length, code.length - start));
      System.arraycopy(code, start, immediate, 0, available);
      frame.stack.push(UInt256.fromBytes(immediate));
    }
    frame.pc += 1 + length;
  }
}
