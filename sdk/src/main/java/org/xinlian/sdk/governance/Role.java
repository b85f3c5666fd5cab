package org.xinlian.sdk.governance;

import java.util.Optional;

/** Account roles (GOV-8 to GOV-10): the wire code and the name genesis files and JSON-RPC use. */
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

  public String jsonName() {
    return jsonName;
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
