/**
 * The BFT consensus engine: QBFT (the IBFT 2.0 successor Besu runs) as a pure event loop behind
 * {@link org.xinlian.consensus.bft.BftEngines}. No I/O, no clock reads, no threads: timeouts come
 * in as events, and messages, timers and the write-ahead state go out as actions
 * (docs/spec/consensus.md).
 */
package org.xinlian.consensus.bft;
