package org.xinlian.execution;

import org.xinlian.common.Hash;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.types.block.BlockHeader;

/**
 * The system parameters of each height for {@link LedgerExecution} (GOV-15): those of the two
 * heights after the head are fixed at each commit and answered from memory, from any thread,
 * since the proposer, every validation, the pool and consensus ask for them; a past height is
 * read from the state of the block before it.
 */
final class ParametersInForce {
  /**
   * Where the parameters of a height come from. Package-private so that a unit test can schedule
   * a change before the governance contract exists; the node uses {@link
   * LedgerExecution#parametersFromState}.
   */
  @FunctionalInterface
  interface Source {
    /**
     * @param stateRoot the state of the block before {@code height}; for the head + 2 the head's,
     *     which already holds every change that takes effect by then (GOV-15: at least two blocks
     *     after the block that decides it)
     */
    SystemParameters at(Hash stateRoot, long height);
  }

  /** The parameters of the two heights after {@code head}. */
  private record Window(long head, SystemParameters next, SystemParameters afterNext) {}

  private final Source source;
  private final BlockStore blocks;
  private volatile Window window;

  ParametersInForce(Source source, BlockStore blocks, BlockHeader head) {
    this.source = source;
    this.blocks = blocks;
    committed(head.number(), head.stateRoot());
  }

  /** The block {@code head} with state {@code stateRoot} is the new head. */
  void committed(long head, Hash stateRoot) {
    window = new Window(head, source.at(stateRoot, head + 1), source.at(stateRoot, head + 2));
  }

  /** See {@link ExecutionPort#parametersAt}. */
  SystemParameters at(long height) {
    Window current = window;
    if (height < 0 || height > current.head() + 2) {
      throw new IllegalArgumentException("height: " + height + " is not between 0 and the head + 2, "
          + (current.head() + 2));
    }
    if (height > current.head()) {
      return height == current.head() + 1 ? current.next() : current.afterNext();
    }
    // A past height: the block before it fixed its parameters (the genesis state fixes block 0's).
    long before = Math.max(0, height - 1);
    BlockHeader header = blocks.header(before).orElseThrow(() -> new IllegalStateException(
        "execution: no block " + before + " below the head " + current.head()));
    return source.at(header.stateRoot(), height);
  }

  /** The parameters of the block after {@code parent}, the head a block is built on or checked against. */
  SystemParameters after(BlockHeader parent) {
    Window current = window;
    return current.head() == parent.number() ? current.next()
        : source.at(parent.stateRoot(), parent.number() + 1);
  }
}
