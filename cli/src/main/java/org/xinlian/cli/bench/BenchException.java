package org.xinlian.cli.bench;

/** The benchmark cannot go on: the endpoint is unreachable, refuses setup, or runs out of time. */
public final class BenchException extends RuntimeException {
  public BenchException(String message) {
    super(message);
  }

  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
