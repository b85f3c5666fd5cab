package org.xinlian.ledger.chain;

/**
 * A block that {@link BlockStore#commitBlock} refused before writing anything: it does not extend
 * the head, or its header does not commit to its transactions and receipts. The message says which
 * check failed with both values, because a refusal points at a bug in the executor or consensus.
 */
public final class BlockRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockRejectedException(String message) {
    super(message);
  }
}
