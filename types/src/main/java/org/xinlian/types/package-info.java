/**
 * Ethereum-compatible data types and their canonical encodings: RLP, transactions, block headers,
 * blocks, receipts and logs. Hashes come from the chain's {@link org.xinlian.crypto.CryptoSuite}
 * (Keccak-256 on standard chains, SM3 on gm chains), passed in explicitly.
 */
package org.xinlian.types;
