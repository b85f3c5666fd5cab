package org.xinlian.cli;

/** A mistake of the user (or of their files): reported as one {@code error:} line, exit code 1. */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message);
  }
}
