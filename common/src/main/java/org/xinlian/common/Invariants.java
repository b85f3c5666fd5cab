package org.xinlian.common;

/**
 * Invariant checks that stay on in production, unlike {@code assert}: a node whose internal state
 * is inconsistent must stop instead of signing or committing something wrong.
 */
public final class Invariants {
  private Invariants() {}

  /** Throws {@link InvariantViolation} with the formatted message when the condition is false. */
  public static void check(boolean condition, String messageFormat, Object... arguments) {
    if (!condition) {
      throw new InvariantViolation(String.format(messageFormat, arguments));
    }
  }

  /** As {@link #check}, for a message without arguments (no varargs array on the hot path). */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvariantViolation(message);
    }
  }
}
