package org.xinlian.ledger.state;

/**
 * How much state history a node keeps (STATE-9). A pruning node keeps every state of the last
 * {@code blocks} blocks complete, enough to answer queries and proofs at recent heights and to
 * recover from a restart; an archive node keeps every state ever committed.
 *
 * @param blocks how many of the most recent block states stay readable; at least 1 (the head),
 *     or {@link Long#MAX_VALUE} for an archive
 */
public record StateRetention(long blocks) {
  /** Keeps everything: nothing is recorded for pruning and nothing is deleted. */
  public static final StateRetention ARCHIVE = new StateRetention(Long.MAX_VALUE);

  public StateRetention {
    if (blocks < 1) {
      throw new IllegalArgumentException("state retention: keep at least 1 block, got " + blocks);
    }
  }

  /** Keeps the states of the last {@code blocks} blocks. */
  public static StateRetention lastBlocks(long blocks) {
    return new StateRetention(blocks);
  }

  public boolean isArchive() {
    return blocks == Long.MAX_VALUE;
  }
}
