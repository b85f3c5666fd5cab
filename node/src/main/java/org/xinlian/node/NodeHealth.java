package org.xinlian.node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /health} and {@code /ready} answer (docs/spec/node.md NODE-18).
 *
 * @param alive false once the node failed stop (NODE-17): it no longer writes and is about to exit
 * @param ready alive, and able to serve as a member of its network right now: not syncing, enough
 *     peers for a quorum, a recent commit
 * @param problems why it is not ready (or not alive), one line each; empty when ready
 * @param height the head block's number
 * @param peers authenticated P2P peers (0 for a single-validator node)
 * @param lastCommitAgeMillis time since this node last committed a block, when it runs consensus
 */
public record NodeHealth(boolean alive, boolean ready, List<String> problems, long height, int peers,
    Optional<Long> lastCommitAgeMillis) {
  public NodeHealth {
    problems = List.copyOf(problems);
    Objects.requireNonNull(lastCommitAgeMillis, "lastCommitAgeMillis");
  }
}
