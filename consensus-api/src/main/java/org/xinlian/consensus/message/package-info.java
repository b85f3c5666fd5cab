/**
 * Consensus messages, their strict wire codec and the signer that makes them
 * (docs/spec/consensus.md CONSENSUS-9).
 */
package org.xinlian.consensus.message;
