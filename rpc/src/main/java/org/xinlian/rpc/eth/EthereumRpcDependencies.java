package org.xinlian.rpc.eth;

import java.util.Objects;
import java.util.function.IntSupplier;
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
 * @param peerCount the node's connected P2P peers, for {@code net_peerCount} (0 for a single node)
 */
public record EthereumRpcDependencies(
    ChainInfo chain,
    CryptoSuite suite,
    BlockStore blocks,
    StateDatabase states,
    ExecutionPort execution,
    TransactionPool pool,
    Clock clock,
    IntSupplier peerCount) {
  /** A node without peers: {@code net_peerCount} answers 0. */
  public EthereumRpcDependencies(ChainInfo chain, CryptoSuite suite, BlockStore blocks, StateDatabase states,
      ExecutionPort execution, TransactionPool pool, Clock clock) {
    this(chain, suite, blocks, states, execution, pool, clock, () -> 0);
  }

  public EthereumRpcDependencies {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(blocks, "blocks");
    Objects.requireNonNull(states, "states");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(peerCount, "peerCount");
  }
}
