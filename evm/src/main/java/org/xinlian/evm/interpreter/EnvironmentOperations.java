package org.xinlian.evm.interpreter;

import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.word.UInt256;

/** Opcodes 0x30-0x4a: the message, transaction, account and block environment. */
final class EnvironmentOperations {
  private EnvironmentOperations() {}

  /** Executes {@code opcode} if it belongs to this group; returns false otherwise. */
  static boolean execute(MessageFrame frame, int opcode) {
    Stack stack = frame.stack;
    switch (opcode) {
      case 0x30:
        frame.useGas(Gas.BASE);
        stack.push(AddressWords.toWord(frame.message.recipient()));
        return true;
      case 0x31:
        {
          Address address = AddressWords.toAddress(stack.pop());
          chargeAccountAccess(frame, address);
          stack.push(frame.state.balance(address));
          return true;
        }
      case 0x32:
        frame.useGas(Gas.BASE);
        stack.push(AddressWords.toWord(frame.transaction.origin()));
        return true;
      case 0x33:
        frame.useGas(Gas.BASE);
        stack.push(AddressWords.toWord(frame.message.sender()));
        return true;
      case 0x34:
        frame.useGas(Gas.BASE);
        stack.push(frame.message.value());
        return true;
      case 0x35:
        frame.useGas(Gas.VERY_LOW);
        stack.push(callDataLoad(frame.message.input(), stack.pop()));
        return true;
      case 0x36:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.message.input().length));
        return true;
      case 0x37:
        copyToMemory(frame, frame.message.input(), 0);
        return true;
      case 0x38:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.code.length));
        return true;
      case 0x39:
        copyToMemory(frame, frame.code, 0);
        return true;
      case 0x3a:
        frame.useGas(Gas.BASE);
        stack.push(frame.transaction.gasPrice());
        return true;
      case 0x3b:
        {
          Address address = AddressWords.toAddress(stack.pop());
          chargeAccountAccess(frame, address);
          stack.push(UInt256.fromLong(frame.state.code(address).length));
          return true;
        }
      case 0x3c:
        {
          Address address = AddressWords.toAddress(stack.pop());
          long accessCost = frame.state.warmAddress(address) ? Gas.WARM_ACCESS : Gas.COLD_ACCOUNT_ACCESS;
          copyToMemory(frame, frame.state.code(address), accessCost - Gas.VERY_LOW);
          return true;
        }
      case 0x3d:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.returnData.length));
        return true;
      case 0x3e:
        returnDataCopy(frame);
        return true;
      case 0x3f:
        {
          Address address = AddressWords.toAddress(stack.pop());
          chargeAccountAccess(frame, address);
          Hash hash = frame.state.codeHash(address);
          boolean dead = frame.state.isEmpty(address);
          stack.push(dead ? UInt256.ZERO : UInt256.fromBytes(hash.toArray()));
          return true;
        }
      case 0x40:
        frame.useGas(Gas.BLOCKHASH);
        stack.push(blockHash(frame, stack.pop()));
        return true;
      case 0x41:
        frame.useGas(Gas.BASE);
        stack.push(AddressWords.toWord(frame.block.coinbase()));
        return true;
      case 0x42:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.block.timestamp()));
        return true;
      case 0x43:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.block.number()));
        return true;
      case 0x44:
        frame.useGas(Gas.BASE);
        stack.push(frame.block.prevRandao());
        return true;
      case 0x45:
        frame.useGas(Gas.BASE);
        stack.push(UInt256.fromLong(frame.block.gasLimit()));
        return true;
      case 0x46:
        frame.useGas(Gas.BASE);
        stack.push(frame.block.chainId());
        return true;
      case 0x47:
        frame.useGas(Gas.LOW);
        stack.push(frame.state.balance(frame.message.recipient()));
        return true;
      case 0x48:
        frame.useGas(Gas.BASE);
        stack.push(frame.block.baseFee());
        return true;
      case 0x49:
        {
          frame.useGas(Gas.VERY_LOW);
          UInt256 index = stack.pop();
          var hashes = frame.transaction.blobHashes();
          boolean inRange = index.fitsInt() && index.longValue() < hashes.size();
          stack.push(inRange ? hashes.get((int) index.longValue()) : UInt256.ZERO);
          return true;
        }
      case 0x4a:
        frame.useGas(Gas.BASE);
        stack.push(frame.block.blobBaseFee());
        return true;
      default:
        return false;
    }
  }

  /** EIP-2929: 2600 the first time an address is touched in the transaction, 100 after. */
  static void chargeAccountAccess(MessageFrame frame, Address address) {
    frame.useGas(frame.state.warmAddress(address) ? Gas.WARM_ACCESS : Gas.COLD_ACCOUNT_ACCESS);
  }

  private static UInt256 callDataLoad(byte[] input, UInt256 offset) {
    if (!offset.fitsInt() || offset.longValue() >= input.length) {
      return UInt256.ZERO;
    }
    int start = (int) offset.longValue();
    byte[] word = new byte[32];
    System.arraycopy(input, start, word, 0, Math.min(32, input.length - start));
    return UInt256.fromBytes(word);
  }

  /**
   * CALLDATACOPY, CODECOPY, EXTCODECOPY: 3 plus {@code extraGas} plus 3 per word plus memory;
   * source bytes past the end read as zero.
   */
  private static void copyToMemory(MessageFrame frame, byte[] source, long extraGas) {
    UInt256 memoryOffset = frame.stack.pop();
    UInt256 sourceOffset = frame.stack.pop();
    UInt256 length = frame.stack.pop();
    frame.useGas(Gas.VERY_LOW + extraGas);
    chargeCopy(frame, length);
    int destination = frame.expandMemory(memoryOffset, length);
    if (length.isZero()) {
      return;
    }
    long from = sourceOffset.fitsLong() ? sourceOffset.longValue() : Long.MAX_VALUE;
    frame.memory.writePadded(destination, source, from, (int) length.longValue());
  }

  static void chargeCopy(MessageFrame frame, UInt256 length) {
    if (!length.fitsLong() || length.longValue() > MessageFrame.MEMORY_BYTES_MAX) {
      throw frame.outOfGas();
    }
    frame.useGas(Gas.COPY_WORD * Gas.words(length.longValue()));
  }

  /** RETURNDATACOPY halts when reading past the end of the return data (EIP-211). */
  private static void returnDataCopy(MessageFrame frame) {
    UInt256 memoryOffset = frame.stack.pop();
    UInt256 sourceOffset = frame.stack.pop();
    UInt256 length = frame.stack.pop();
    frame.useGas(Gas.VERY_LOW);
    long available = frame.returnData.length;
    if (!sourceOffset.fitsLong() || !length.fitsLong() || length.longValue() > available
        || sourceOffset.longValue() > available - length.longValue()) {
      throw new ExceptionalHalt(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
    }
    chargeCopy(frame, length);
    int destination = frame.expandMemory(memoryOffset, length);
    if (!length.isZero()) {
      frame.memory.writePadded(
          destination, frame.returnData, sourceOffset.longValue(), (int) length.longValue());
    }
  }

  private static UInt256 blockHash(MessageFrame frame, UInt256 number) {
    long current = frame.block.number();
    if (!number.fitsLong()) {
      return UInt256.ZERO;
    }
    long requested = number.longValue();
    if (requested >= current || requested < current - 256) {
      return UInt256.ZERO;
    }
    Hash hash = frame.block.blockHashes().apply(requested);
    return hash == null ? UInt256.ZERO : UInt256.fromBytes(hash.toArray());
  }
}
