/**
 * Ethereum's Recursive Length Prefix with a canonical writer and a strict, zero-copy reader.
 *
 * <p>Consensus depends on every node reading the same bytes the same way, and on a value having
 * exactly one encoding (hashes are taken over encodings). So the reader rejects every
 * non-canonical form, names the field it was reading, and enforces size and depth limits before
 * a peer's input can cost memory or stack.
 */
package org.xinlian.types.rlp;
