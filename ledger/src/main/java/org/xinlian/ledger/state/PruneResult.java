package org.xinlian.ledger.state;

/**
 * What one {@link StateDatabase#prune} run did.
 *
 * @param blocksReleased blocks whose pruning records were processed and removed
 * @param candidates trie nodes those blocks had stopped referencing
 * @param nodesDeleted candidates no retained root reaches, deleted
 * @param nodesMarked nodes reachable from the retained roots, visited by the mark phase
 */
public record PruneResult(int blocksReleased, int candidates, int nodesDeleted, long nodesMarked) {
  public static final PruneResult NOTHING = new PruneResult(0, 0, 0, 0);
}
