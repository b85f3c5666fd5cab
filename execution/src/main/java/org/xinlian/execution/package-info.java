/**
 * Execution: genesis, the transaction pool and the execution port between consensus and state.
 * Consensus never touches state; it drives this port (prepare and process a proposal, finalise,
 * commit), in the spirit of CometBFT's ABCI, and the single-node producer uses the same port.
 */
package org.xinlian.execution;
