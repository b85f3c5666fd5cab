package org.xinlian.execution.genesis;

/** The store already holds a chain other than the one the genesis file describes. */
public final class GenesisMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GenesisMismatchException(String message) {
    super(message);
  }
}
