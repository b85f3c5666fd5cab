/**
 * Block headers, blocks, receipts, logs and blooms with their canonical encodings.
 *
 * <p>Layouts follow Ethereum where tools depend on them (receipts, logs, blooms, transaction
 * bodies) and depart where a BFT consortium chain needs it: the header names a proposer and
 * carries a commit certificate that its own hash leaves out (docs/spec/types.md TYPES-20).
 */
package org.xinlian.types.block;
