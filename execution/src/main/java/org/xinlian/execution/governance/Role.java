package org.xinlian.execution.governance;

import java.util.Optional;

/** Account roles (GOV-8 to GOV-10); governors are a table of their own, not a role. */
public enum Role {
  USER(1, "user"),
  OPERATOR(2, "operator"),
  AUDITOR(3, "auditor"),
  ORG_ADMIN(4, "orgAdmin");

  private final int code;
  private final String jsonName;

  Role(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  public int code() {
    return code;
  }

  /** The bit of this role in an account's role mask. */
  public int bit() {
    return 1 << code;
  }

  /** The name genesis files and JSON-RPC use ({@code orgAdmin}). */
  public String jsonName() {
    return jsonName;
  }

  public boolean heldIn(int mask) {
    return (mask & bit()) != 0;
  }

  public static Optional<Role> ofCode(int code) {
    for (Role role : values()) {
      if (role.code == code) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  public static Optional<Role> ofJsonName(String name) {
    for (Role role : values()) {
      if (role.jsonName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
