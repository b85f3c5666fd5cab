/**
 * Ethereum's Merkle-Patricia trie (yellow paper, appendix D): the authenticated map behind state,
 * storage, transaction and receipt roots.
 *
 * <p>Roots must equal Ethereum's byte for byte, so node encodings follow the yellow paper exactly
 * (hex-prefix paths, nodes under 32 bytes embedded, larger ones referenced by hash). The hash
 * function and the node store are parameters: a gm chain may hash with SM3, and the storage layer
 * backs the store with RocksDB. Everything read from outside (stored nodes, proofs) is decoded
 * strictly and rejected with a {@link org.xinlian.common.DecodingException} naming the fault.
 * See docs/spec/trie.md.
 */
package org.xinlian.trie;
