/**
 * Ethereum transactions (legacy with EIP-155, EIP-2930, EIP-1559) for both crypto suites.
 *
 * <p>The values are suite-independent; {@link org.xinlian.types.transaction.TransactionCodec}
 * binds them to a chain's suite, which decides the envelope (docs/adr/0002), the hashes and how
 * the sender is established. {@link org.xinlian.types.transaction.TransactionValidityRules} holds
 * the stateless Cancun rules so the pool, RPC and block validation apply the same ones.
 */
package org.xinlian.types.transaction;
