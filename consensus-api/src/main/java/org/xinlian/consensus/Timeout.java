package org.xinlian.consensus;

import java.util.Objects;

/** A timer of the engine: which height, round and step it belongs to. */
public record Timeout(long height, int round, TimeoutStep step) {
  public Timeout {
    Objects.requireNonNull(step, "step");
  }
}
