package org.xinlian.evm.interpreter;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.Log;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/** Memory, storage, transient storage, KECCAK256, LOGn, RETURN and REVERT. */
final class MemoryOperations {
  private MemoryOperations() {}

  static boolean execute(MessageFrame frame, int opcode) {
    Stack stack = frame.stack;
    switch (opcode) {
      case 0x20:
        {
          UInt256 offset = stack.pop();
          UInt256 length = stack.pop();
          frame.useGas(Gas.KECCAK256);
          if (!length.fitsLong() || length.longValue() > MessageFrame.MEMORY_BYTES_MAX) {
            throw frame.outOfGas();
          }
          frame.useGas(Gas.KECCAK256_WORD * Gas.words(length.longValue()));
          int start = frame.expandMemory(offset, length);
          byte[] data = frame.memory.read(start, (int) length.longValue());
          stack.push(UInt256.fromBytes(Keccak256.hash(data)));
          return true;
        }
      case 0x51:
        {
          frame.useGas(Gas.VERY_LOW);
          int offset = frame.expandMemory(stack.pop(), UInt256.fromLong(32));
          stack.push(frame.memory.loadWord(offset));
          return true;
        }
      case 0x52:
        {
          frame.useGas(Gas.VERY_LOW);
          UInt256 offsetWord = stack.pop();
          UInt256 value = stack.pop();
          frame.memory.storeWord(frame.expandMemory(offsetWord, UInt256.fromLong(32)), value);
          return true;
        }
      case 0x53:
        {
          frame.useGas(Gas.VERY_LOW);
          UInt256 offsetWord = stack.pop();
          UInt256 value = stack.pop();
          int offset = frame.expandMemory(offsetWord, UInt256.ONE);
          frame.memory.storeByte(offset, (byte) value.longValue());
          return true;
        }
      case 0x54:
        {
          UInt256 key = stack.pop();
          Address self = frame.message.recipient();
          frame.useGas(frame.state.warmSlot(self, key) ? Gas.WARM_ACCESS : Gas.COLD_SLOAD);
          stack.push(frame.state.storage(self, key));
          return true;
        }
      case 0x55:
        sstore(frame);
        return true;
      case 0x59:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.memory.sizeBytes()));
        return true;
      case 0x5c:
        frame.useGas(Gas.TRANSIENT);
        stack.push(frame.state.transientStorage(frame.message.recipient(), stack.pop()));
        return true;
      case 0x5d:
        {
          requireNotStatic(frame);
          frame.useGas(Gas.TRANSIENT);
          UInt256 key = stack.pop();
          UInt256 value = stack.pop();
          frame.state.setTransientStorage(frame.message.recipient(), key, value);
          return true;
        }
      case 0x5e:
        mcopy(frame);
        return true;
      case 0xf3:
      case 0xfd:
        {
          UInt256 offset = stack.pop();
          UInt256 length = stack.pop();
          int start = frame.expandMemory(offset, length);
          byte[] output = length.isZero() ? new byte[0] : frame.memory.read(start, (int) length.longValue());
          frame.finish(opcode == 0xf3 ? Outcome.SUCCESS : Outcome.REVERT, output);
          return true;
        }
      default:
        if (opcode >= Opcodes.LOG0 && opcode <= Opcodes.LOG4) {
          log(frame, opcode - Opcodes.LOG0);
          return true;
        }
        return false;
    }
  }

  static void requireNotStatic(MessageFrame frame) {
    if (frame.message.isStatic()) {
      throw new ExceptionalHalt(HaltReason.STATIC_CONTEXT_VIOLATION);
    }
  }

  /** SSTORE with EIP-2200 net metering, EIP-2929 cold surcharge and EIP-3529 refunds. */
  private static void sstore(MessageFrame frame) {
    requireNotStatic(frame);
    UInt256 key = frame.stack.pop();
    UInt256 value = frame.stack.pop();
    if (frame.gasLeft <= Gas.SSTORE_SENTRY) {
      throw frame.outOfGas();
    }
    WorldState state = frame.state;
    Address self = frame.message.recipient();
    long cost = state.warmSlot(self, key) ? 0 : Gas.COLD_SLOAD;
    UInt256 current = state.storage(self, key);
    UInt256 original = state.originalStorage(self, key);
    if (current.equals(value)) {
      cost += Gas.WARM_ACCESS;
    } else if (original.equals(current)) {
      cost += original.isZero() ? Gas.SSTORE_SET : Gas.SSTORE_RESET;
      if (!original.isZero() && value.isZero()) {
        state.addRefund(Gas.SSTORE_CLEARS_REFUND);
      }
    } else {
      cost += Gas.WARM_ACCESS;
      if (!original.isZero()) {
        if (current.isZero()) {
          state.subtractRefund(Gas.SSTORE_CLEARS_REFUND);
        } else if (value.isZero()) {
          state.addRefund(Gas.SSTORE_CLEARS_REFUND);
        }
      }
      if (original.equals(value)) {
        state.addRefund(
            original.isZero()
                ? Gas.SSTORE_SET - Gas.WARM_ACCESS
                : Gas.SSTORE_RESET - Gas.WARM_ACCESS);
      }
    }
    frame.useGas(cost);
    state.setStorage(self, key, value);
  }

  /** MCOPY (EIP-5656): 3 plus 3 per word plus expansion over both ranges. */
  private static void mcopy(MessageFrame frame) {
    UInt256 destination = frame.stack.pop();
    UInt256 source = frame.stack.pop();
    UInt256 length = frame.stack.pop();
    frame.useGas(Gas.VERY_LOW);
    EnvironmentOperations.chargeCopy(frame, length);
    if (length.isZero()) {
      return;
    }
    UInt256 furthest = destination.compareTo(source) > 0 ? destination : source;
    frame.expandMemory(furthest, length);
    frame.memory.copyWithin(
        (int) destination.longValue(), (int) source.longValue(), (int) length.longValue());
  }

  /** LOGn: 375 plus 375 per topic plus 8 per data byte plus memory. */
  private static void log(MessageFrame frame, int topicCount) {
    requireNotStatic(frame);
    UInt256 offset = frame.stack.pop();
    UInt256 length = frame.stack.pop();
    List<UInt256> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) {
      topics.add(frame.stack.pop());
    }
    if (!length.fitsLong() || length.longValue() > MessageFrame.MEMORY_BYTES_MAX) {
      throw frame.outOfGas();
    }
    frame.useGas(Gas.LOG + Gas.LOG_TOPIC * topicCount + Gas.LOG_DATA_BYTE * length.longValue());
    int start = frame.expandMemory(offset, length);
    byte[] data = length.isZero() ? new byte[0] : frame.memory.read(start, (int) length.longValue());
    frame.logs.add(new Log(frame.message.recipient(), topics, data));
  }
}
