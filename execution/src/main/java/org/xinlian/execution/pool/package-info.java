/**
 * The transaction pool: admits signed transactions with Ethereum's checks and error wording, keeps
 * them per sender in nonce order (executable runs versus queued gaps), replaces by fee bump,
 * evicts under bounded memory, and hands block builders price-and-nonce ordered candidates.
 * Signatures are verified once, on admission; everything downstream works on {@link
 * org.xinlian.types.transaction.VerifiedTransaction}. See docs/spec/pool.md.
 */
package org.xinlian.execution.pool;
