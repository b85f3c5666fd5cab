package org.xinlian.execution.governance;

import java.util.Optional;

/** A node's role (GOV-14); the code is its wire and stored value. */
public enum NodeRole {
  VALIDATOR(1, "validator"),
  OBSERVER(2, "observer"),
  REMOVED(3, "removed");

  private final int code;
  private final String jsonName;

  NodeRole(int code, String jsonName) {
    this.code = code;
    this.jsonName = jsonName;
  }

  public int code() {
    return code;
  }

  public String jsonName() {
    return jsonName;
  }

  static Optional<NodeRole> ofCode(int code) {
    for (NodeRole role : values()) {
      if (role.code == code) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  public static Optional<NodeRole> ofJsonName(String name) {
    for (NodeRole role : values()) {
      if (role.jsonName.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
