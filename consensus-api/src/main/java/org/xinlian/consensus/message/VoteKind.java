package org.xinlian.consensus.message;

/** The two votes of a round: a prepare backs a proposal, a commit seals it once prepared. */
public enum VoteKind {
  PREPARE,
  COMMIT
}
