package org.xinlian.rpc.eth;

import java.util.Objects;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.rpc.ChainInfo;

/**
 * What the Ethereum methods read and drive, handed over by the node so that this package never
 * opens a store or starts a thread itself.
 *
 * @param clock time for filter expiry only (never for chain data)
 */
public record EthereumRpcDependencies(
    ChainInfo chain,
    CryptoSuite suite,
    BlockStore blocks,
    StateDatabase states,
    ExecutionPort execution,
    TransactionPool pool,
    Clock clock) {
  public EthereumRpcDependencies {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(blocks, "blocks");
    Objects.requireNonNull(states, "states");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(clock, "clock");
  }
}
