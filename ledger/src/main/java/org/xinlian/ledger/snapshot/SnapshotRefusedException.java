package org.xinlian.ledger.snapshot;

/**
 * An export or import that was refused although the file (if any) is well formed: the target
 * store already holds a chain, the snapshot belongs to another chain, its content does not hash
 * to the roots it claims, or the source store lacks part of the state. The message names what
 * mismatched (account, expected and computed root), since the operator has to act on it.
 */
public final class SnapshotRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SnapshotRefusedException(String message) {
    super(message);
  }

  public SnapshotRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
