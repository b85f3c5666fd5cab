package org.xinlian.execution;

/**
 * A block that consensus decided cannot be finalised or committed here: it does not extend the
 * head, or executing it does not reproduce its header. Either way the node must stop rather than
 * persist a state other validators do not have.
 */
public final class InvalidBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidBlockException(String message) {
    super(message);
  }
}
