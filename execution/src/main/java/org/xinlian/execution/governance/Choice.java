package org.xinlian.execution.governance;

import java.util.Optional;

/** A vote (GOV-4); the code is its wire and stored value. */
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

  public static Optional<Choice> ofCode(int code) {
    for (Choice choice : values()) {
      if (choice.code == code) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
