package org.xinlian.evm.interpreter;

import org.xinlian.common.Address;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.word.UInt256;

/**
 * CREATE, CREATE2, the CALL family and SELFDESTRUCT. A call or creation that passes its gas and
 * pre-checks leaves a pending child message on the frame; {@link #resume} finishes the opcode
 * with the child's result.
 */
final class SystemOperations {
  private SystemOperations() {}

  static boolean execute(MessageFrame frame, int opcode) {
    switch (opcode) {
      case 0xf0:
        create(frame, MessageKind.CREATE);
        return true;
      case 0xf5:
        create(frame, MessageKind.CREATE2);
        return true;
      case 0xf1:
        call(frame, MessageKind.CALL);
        return true;
      case 0xf2:
        call(frame, MessageKind.CALLCODE);
        return true;
      case 0xf4:
        call(frame, MessageKind.DELEGATECALL);
        return true;
      case 0xfa:
        call(frame, MessageKind.STATICCALL);
        return true;
      case 0xff:
        selfDestruct(frame);
        return true;
      default:
        return false;
    }
  }

  /** All but one 64th of the gas left (EIP-150). */
  static long allButOneSixtyFourth(long gas) {
    return gas - gas / 64;
  }

  private static void call(MessageFrame frame, MessageKind kind) {
    Stack stack = frame.stack;
    UInt256 requestedGas = stack.pop();
    Address target = AddressWords.toAddress(stack.pop());
    boolean hasValueOperand = kind == MessageKind.CALL || kind == MessageKind.CALLCODE;
    UInt256 value = hasValueOperand ? stack.pop() : UInt256.ZERO;
    UInt256 inOffset = stack.pop();
    UInt256 inLength = stack.pop();
    UInt256 outOffset = stack.pop();
    UInt256 outLength = stack.pop();
    boolean transfersValue = hasValueOperand && !value.isZero();

    frame.useGas(frame.state.warmAddress(target) ? Gas.WARM_ACCESS : Gas.COLD_ACCOUNT_ACCESS);
    int inStart = frame.expandMemory(inOffset, inLength);
    int outStart = frame.expandMemory(outOffset, outLength);
    long extra = 0;
    if (transfersValue) {
      extra += Gas.CALL_VALUE;
      if (kind == MessageKind.CALL && frame.state.isEmpty(target)) {
        extra += Gas.NEW_ACCOUNT;
      }
    }
    frame.useGas(extra);
    long available = allButOneSixtyFourth(frame.gasLeft);
    long callGas = requestedGas.fitsLong() ? Math.min(requestedGas.longValue(), available) : available;
    if (kind == MessageKind.CALL && transfersValue && frame.message.isStatic()) {
      throw new ExceptionalHalt(HaltReason.STATIC_CONTEXT_VIOLATION);
    }
    frame.useGas(callGas);
    long childGas = transfersValue ? callGas + Gas.CALL_STIPEND : callGas;

    byte[] input = inLength.isZero() ? new byte[0] : frame.memory.read(inStart, (int) inLength.longValue());
    frame.returnData = new byte[0];
    Address self = frame.message.recipient();
    boolean tooDeep = frame.message.depth() + 1 > Gas.CALL_DEPTH_MAX;
    boolean tooPoor = transfersValue && frame.state.balance(self).compareTo(value) < 0;
    if (tooDeep || tooPoor) {
      frame.returnGas(childGas);
      stack.push(UInt256.ZERO);
      return;
    }
    Message child;
    switch (kind) {
      case CALL:
        child = new Message(kind, self, target, target, value, true, input,
            frame.state.code(target), childGas, frame.message.depth() + 1, frame.message.isStatic());
        break;
      case CALLCODE:
        child = new Message(kind, self, self, target, value, true, input,
            frame.state.code(target), childGas, frame.message.depth() + 1, frame.message.isStatic());
        break;
      case DELEGATECALL:
        child = new Message(kind, frame.message.sender(), self, target, frame.message.value(), false,
            input, frame.state.code(target), childGas, frame.message.depth() + 1,
            frame.message.isStatic());
        break;
      default:
        child = new Message(kind, self, target, target, UInt256.ZERO, false, input,
            frame.state.code(target), childGas, frame.message.depth() + 1, true);
        break;
    }
    frame.pendingMemoryOffset = outStart;
    frame.pendingMemoryLength = outLength.isZero() ? 0 : (int) outLength.longValue();
    frame.pendingMessage = child;
  }

  private static void create(MessageFrame frame, MessageKind kind) {
    MemoryOperations.requireNotStatic(frame);
    Stack stack = frame.stack;
    UInt256 value = stack.pop();
    UInt256 offset = stack.pop();
    UInt256 length = stack.pop();
    UInt256 salt = kind == MessageKind.CREATE2 ? stack.pop() : UInt256.ZERO;
    if (!length.fitsLong() || length.longValue() > Gas.INITCODE_BYTES_MAX) {
      throw new ExceptionalHalt(HaltReason.INITCODE_TOO_LARGE);
    }
    long words = Gas.words(length.longValue());
    long hashCost = kind == MessageKind.CREATE2 ? Gas.KECCAK256_WORD * words : 0;
    frame.useGas(Gas.CREATE + Gas.INITCODE_WORD * words + hashCost);
    int start = frame.expandMemory(offset, length);
    byte[] initcode = length.isZero() ? new byte[0] : frame.memory.read(start, (int) length.longValue());

    long childGas = allButOneSixtyFourth(frame.gasLeft);
    frame.useGas(childGas);
    frame.returnData = new byte[0];
    Address self = frame.message.recipient();
    long nonce = frame.state.nonce(self);
    boolean tooDeep = frame.message.depth() + 1 > Gas.CALL_DEPTH_MAX;
    boolean tooPoor = frame.state.balance(self).compareTo(value) < 0;
    if (tooDeep || tooPoor || nonce == -1L) {
      frame.returnGas(childGas);
      stack.push(UInt256.ZERO);
      return;
    }
    frame.state.setNonce(self, nonce + 1);
    Address address = kind == MessageKind.CREATE
        ? ContractAddresses.create(self, nonce)
        : ContractAddresses.create2(self, salt, initcode);
    frame.state.warmAddress(address);
    frame.pendingMemoryLength = 0;
    frame.pendingMessage = new Message(kind, self, address, address, value, true, new byte[0],
        initcode, childGas, frame.message.depth() + 1, false);
  }

  /** SELFDESTRUCT per EIP-6780: moves the balance; deletes only contracts created in this transaction. */
  private static void selfDestruct(MessageFrame frame) {
    MemoryOperations.requireNotStatic(frame);
    Address beneficiary = AddressWords.toAddress(frame.stack.pop());
    Address self = frame.message.recipient();
    long cost = Gas.SELFDESTRUCT;
    if (!frame.state.warmAddress(beneficiary)) {
      cost += Gas.COLD_ACCOUNT_ACCESS;
    }
    UInt256 balance = frame.state.balance(self);
    if (!balance.isZero() && frame.state.isEmpty(beneficiary)) {
      cost += Gas.NEW_ACCOUNT;
    }
    frame.useGas(cost);
    frame.state.setBalance(self, UInt256.ZERO);
    frame.state.setBalance(
        beneficiary, org.xinlian.evm.word.Words.add(frame.state.balance(beneficiary), balance));
    if (frame.state.createdInTransaction(self)) {
      // The destructed contract holds nothing from here on, even if it named itself beneficiary.
      frame.state.setBalance(self, UInt256.ZERO);
      frame.state.markForDeletion(self);
    }
    frame.finish(Outcome.SUCCESS, new byte[0]);
  }

  /** Finishes the suspended CALL/CREATE with the child's result. */
  static void resume(MessageFrame frame, Message child, MessageResult result) {
    frame.returnGas(result.gasLeft());
    if (result.isSuccess()) {
      frame.logs.addAll(result.logs());
    }
    if (child.kind().isCreate()) {
      frame.returnData = result.outcome() == Outcome.REVERT ? result.output() : new byte[0];
      frame.stack.push(
          result.createdAddress().map(AddressWords::toWord).orElse(UInt256.ZERO));
    } else {
      byte[] output = result.output();
      frame.returnData = output;
      int copy = Math.min(frame.pendingMemoryLength, output.length);
      if (copy > 0) {
        frame.memory.writePadded(frame.pendingMemoryOffset, output, 0, copy);
      }
      frame.stack.push(Interpreter.bool(result.isSuccess()));
    }
  }
}
