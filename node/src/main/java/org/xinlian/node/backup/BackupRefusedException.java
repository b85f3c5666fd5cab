package org.xinlian.node.backup;

/** A backup or restore refused for a reason the operator can fix; nothing was changed. */
public final class BackupRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BackupRefusedException(String message) {
    super(message);
  }
}
