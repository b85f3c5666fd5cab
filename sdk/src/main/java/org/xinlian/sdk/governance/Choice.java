package org.xinlian.sdk.governance;

import java.util.Optional;

/** A governor's vote (GOV-4) and its wire code. */
public enum Choice {
  FOR(1),
  AGAINST(2),
  ABSTAIN(3);

  private final int code;

  Choice(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<Choice> ofName(String name) {
    for (Choice choice : values()) {
      if (choice.name().equals(name)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
