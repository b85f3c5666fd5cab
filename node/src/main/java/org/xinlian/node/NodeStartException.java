package org.xinlian.node;

/**
 * A node cannot start for a reason the operator must fix (another chain in the data directory, a
 * port in use, an unreadable genesis file); the message says what and where.
 */
public final class NodeStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
