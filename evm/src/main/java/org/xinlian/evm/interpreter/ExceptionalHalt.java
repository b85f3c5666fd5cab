package org.xinlian.evm.interpreter;

import org.xinlian.evm.HaltReason;

/**
 * Unwinds the current frame on an exceptional halt (out of gas, bad jump, stack fault...). It is
 * caught by the interpreter loop and never leaves the EVM; it carries no stack trace because it is
 * control flow, not a bug report.
 */
final class ExceptionalHalt extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final HaltReason reason;

  ExceptionalHalt(HaltReason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }
}
