package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.SubscriptionSource;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

/**
 * The Ethereum JSON-RPC methods over the ledger, pool and execution port (docs/spec/rpc.md,
 * RPC-13 onwards): what the node registers on its RpcServer so that ethers.js, web3j and Hardhat
 * work unchanged. One instance per node; the node calls {@link #events()} after each commit.
 */
public final class EthereumRpc {
  private final EthContext context;
  private final Filters filters;
  private final Subscribers<Void> newHeads;
  private final Subscribers<LogFilter> logs;
  private final Subscribers<Void> pendingTransactions;
  private final List<RpcMethod> methods;

  private EthereumRpc(EthereumRpcDependencies dependencies) {
    this.context = new EthContext(dependencies);
    this.filters = new Filters(context);
    this.newHeads = new Subscribers<>("newHeads", EthereumRpc::noArguments);
    this.logs = new Subscribers<>("logs", params -> {
      params.requireCount(0, 1);
      LogFilter filter = LogFilter.parse(params.raw(0), "filter");
      if (filter.blockHash().isPresent()) {
        throw RpcException.invalidParams("filter: a logs subscription follows new blocks; "
            + "blockHash is not allowed");
      }
      return filter;
    });
    this.pendingTransactions = new Subscribers<>("newPendingTransactions", EthereumRpc::noArguments);
    this.methods = List.of(
        new EthBlockNumber(context), new EthGetBalance(context), new EthGetCode(context),
        new EthGetStorageAt(context), new EthGetTransactionCount(context),
        new EthSendRawTransaction(context), new EthCall(context), new EthEstimateGas(context),
        new EthGasPrice(context), new EthMaxPriorityFeePerGas(context), new EthFeeHistory(context),
        new EthGetBlockByNumber(context), new EthGetBlockByHash(context),
        new EthGetBlockTransactionCountByNumber(context),
        new EthGetBlockTransactionCountByHash(context), new EthGetTransactionByHash(context),
        new EthGetTransactionByBlockHashAndIndex(context),
        new EthGetTransactionByBlockNumberAndIndex(context), new EthGetTransactionReceipt(context),
        new EthGetLogs(context), new EthNewFilter(context, filters),
        new EthNewBlockFilter(context, filters), new EthNewPendingTransactionFilter(context, filters),
        new EthGetFilterChanges(context, filters), new EthGetFilterLogs(context, filters),
        new EthUninstallFilter(context, filters), new EthGetProof(context), new EthSyncing(context),
        new EthAccounts(context), new NetListening(context), new NetPeerCount(context),
        new TxpoolStatus(context), new EthGetUncleCountByBlockNumber(context),
        new EthGetUncleCountByBlockHash(context));
    dependencies.pool().addListener(transaction -> {
      filters.onPendingTransaction(transaction.hash());
      if (!pendingTransactions.isEmpty()) {
        String hash = EthJson.hash(transaction.hash());
        pendingTransactions.publish(none -> List.of(hash));
      }
    });
  }

  /** The methods and sources over {@code dependencies}; registers a listener on its pool. */
  public static EthereumRpc create(EthereumRpcDependencies dependencies) {
    return new EthereumRpc(dependencies);
  }

  /** Every eth_, net_ and txpool_ method of this package (eth_chainId is the server's own). */
  public List<RpcMethod> methods() {
    return methods;
  }

  /** newHeads, logs and newPendingTransactions, for eth_subscribe over WebSocket. */
  public List<SubscriptionSource> subscriptionSources() {
    return List.of(newHeads, logs, pendingTransactions);
  }

  /**
   * What the node tells of each committed block. It only formats the block once and queues it on
   * the subscribers' sinks and filters (neither blocks nor does I/O), so the committing thread is
   * never held up by slow clients.
   */
  public ChainEventListener events() {
    return this::onBlockCommitted;
  }

  private void onBlockCommitted(Block block, List<Receipt> receipts) {
    Hash blockHash = context.hash(block.header());
    filters.onBlock(blockHash);
    if (!newHeads.isEmpty()) {
      var header = EthJson.header(block.header(), blockHash, context.baseFee());
      newHeads.publish(none -> List.of(header));
    }
    if (!logs.isEmpty()) {
      logs.publish(filter -> {
        ArrayNode matches = EthJson.NODES.arrayNode();
        try {
          LogQuery.addMatches(context, filter, block, blockHash, receipts, matches);
        } catch (RpcException tooMany) {
          // A block with more matching logs than one answer may hold: deliver the first ones.
        }
        List<Object> items = new ArrayList<>();
        matches.forEach(items::add);
        return items;
      });
    }
  }

  private static Void noArguments(RpcParams params) {
    params.requireCount(0, 0);
    return null;
  }
}
