package org.xinlian.execution.governance;

/** An account's or a contract's status (GOV-11, GOV-12); the code is its stored value. */
public enum AccountStatus {
  NORMAL,
  FROZEN,
  ABOLISHED;

  public int code() {
    return ordinal();
  }

  static AccountStatus ofCode(int code) {
    return code >= 0 && code < values().length ? values()[code] : NORMAL;
  }
}
