package org.xinlian.consensus.message;

/**
 * "Send me the decided block of {@code height}": a node that sees peers ahead of it asks for the
 * blocks it missed, one height at a time, and verifies each certificate (CONSENSUS-12).
 */
public record CommitRequest(long height) implements ConsensusMessage {
  public CommitRequest {
    if (height < 1) {
      throw new IllegalArgumentException("commitRequest.height: must be at least 1");
    }
  }
}
