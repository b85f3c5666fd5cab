package org.xinlian.ledger.verify;

/**
 * Told how far a verification has got, so a tool can show progress on a chain that takes hours
 * to check. Called from the verifying thread.
 */
@FunctionalInterface
public interface VerificationProgress {
  /** Ignores every update. */
  VerificationProgress NONE = (phase, done, total) -> {};

  /** The two passes of a run: the canonical blocks, then the head state. */
  enum Phase { BLOCKS, STATE }

  /**
   * @param done items checked so far in this phase (blocks, or trie nodes and codes)
   * @param total items in the phase, or -1 when unknown in advance (the state)
   */
  void update(Phase phase, long done, long total);
}
