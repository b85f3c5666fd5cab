package org.xinlian.execution.governance;

/** A proposal's status (GOV-3); the code is its wire and stored value. */
public enum ProposalStatus {
  OPEN(1),
  PASSED(2),
  REJECTED(3),
  EXPIRED(4),
  EXECUTED(5),
  REVOKED(6);

  private final int code;

  ProposalStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static ProposalStatus ofCode(int code) {
    for (ProposalStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalStateException("governance: stored proposal status " + code + " is unknown");
  }
}
