/**
 * BFT consensus wired into a node (docs/spec/node.md NODE-8 to NODE-14): the execution port
 * adapted to the consensus {@code Application} port, the single-threaded driver around the pure
 * engine (event queue, timers, write-ahead state, P2P), transaction gossip and block sync over the
 * network {@code Transport}. {@link org.xinlian.node.consensus.ConsensusService} is the entry point
 * the node starts; everything else is package-private.
 */
package org.xinlian.node.consensus;
