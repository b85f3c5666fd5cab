package org.xinlian.common;

/** A broken internal invariant: a bug, never bad user input. Nodes stop rather than continue. */
public final class InvariantViolation extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public InvariantViolation(String message) {
    super(message);
  }
}
