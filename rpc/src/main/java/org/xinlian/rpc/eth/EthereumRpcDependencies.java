package org.xinlian.rpc.eth;

import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.rpc.ChainInfo;

/**
 * What the Ethereum methods read and write, handed over by the node. Placeholder: replaced by the
 * full implementation at merge.
 */
public record EthereumRpcDependencies(
    ChainInfo chain,
    CryptoSuite suite,
    BlockStore blocks,
    StateDatabase states,
    ExecutionPort execution,
    TransactionPool pool,
    Clock clock) {}
