package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Hash;

/**
 * {@link Application#finalizeBlock}'s result. The engine checks the state root against the
 * block's header: a decided block that executes to another root means the application is not
 * deterministic, and the node must stop rather than commit a diverging state.
 */
public record Finalization(Hash stateRoot) {
  public Finalization {
    Objects.requireNonNull(stateRoot, "stateRoot");
  }
}
