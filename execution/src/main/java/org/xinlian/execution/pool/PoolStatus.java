package org.xinlian.execution.pool;

/**
 * The pool's size, for txpool_status and metrics.
 *
 * @param pending executable transactions
 * @param queued transactions held back behind nonce gaps
 * @param bytes encoded bytes held
 */
public record PoolStatus(int pending, int queued, long bytes) {}
