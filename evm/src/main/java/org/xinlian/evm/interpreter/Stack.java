package org.xinlian.evm.interpreter;

import org.xinlian.evm.HaltReason;
import org.xinlian.evm.word.UInt256;

/** The operand stack, at most {@link #STACK_ITEMS_MAX} words (Yellow Paper section 9.1). */
final class Stack {
  static final int STACK_ITEMS_MAX = 1024;

  private final UInt256[] items = new UInt256[STACK_ITEMS_MAX];
  private int size;

  int size() {
    return size;
  }

  void push(UInt256 value) {
    if (size == STACK_ITEMS_MAX) {
      throw new ExceptionalHalt(HaltReason.STACK_OVERFLOW);
    }
    items[size++] = value;
  }

  UInt256 pop() {
    if (size == 0) {
      throw new ExceptionalHalt(HaltReason.STACK_UNDERFLOW);
    }
    UInt256 value = items[--size];
    items[size] = null;
    return value;
  }

  /** The item {@code depth} places below the top (0 = top). */
  UInt256 peek(int depth) {
    if (depth >= size) {
      throw new ExceptionalHalt(HaltReason.STACK_UNDERFLOW);
    }
    return items[size - 1 - depth];
  }

  /** DUPn with n = depth + 1. */
  void dup(int depth) {
    push(peek(depth));
  }

  /** SWAPn: exchanges the top with the item n places below it. */
  void swap(int n) {
    if (n >= size) {
      throw new ExceptionalHalt(HaltReason.STACK_UNDERFLOW);
    }
    int top = size - 1;
    UInt256 value = items[top];
    items[top] = items[top - n];
    items[top - n] = value;
  }
}
