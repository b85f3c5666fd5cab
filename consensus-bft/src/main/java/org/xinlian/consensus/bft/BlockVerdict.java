package org.xinlian.consensus.bft;

/** What the engine knows of a block's validity at the moment it asks (CONSENSUS-20). */
enum BlockVerdict {
  /** The application accepted it (or this node built it). */
  ACCEPTED,
  /** It does not extend this height's parent, or the application rejected it. */
  REJECTED,
  /** The application is executing it; the verdict arrives as an event. */
  PENDING,
  /** Unknown, and this height already executed {@link Height#BLOCK_EXECUTIONS_MAX} blocks. */
  OVER_LIMIT
}
