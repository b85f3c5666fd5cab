/**
 * The consensus API: the ABCI-like {@link org.xinlian.consensus.Application} port the engine
 * drives, the engine SPI ({@link org.xinlian.consensus.ConsensusEngine}: events in, actions out),
 * {@link org.xinlian.consensus.ValidatorSet} and the {@link org.xinlian.consensus.CommitCertificate}
 * that proves a block final (docs/spec/consensus.md). It depends on common, crypto and types only:
 * the node adapts the execution port to it.
 */
package org.xinlian.consensus;
