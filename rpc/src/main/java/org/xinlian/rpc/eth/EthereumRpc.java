package org.xinlian.rpc.eth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xinlian.common.Hash;
import org.xinlian.rpc.JsonText;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.SubscriptionSource;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

/**
 * The Ethereum JSON-RPC methods over the ledger, pool and execution port (docs/spec/rpc.md,
 * RPC-13 onwards): what the node registers on its RpcServer so that ethers.js, web3j and Hardhat
 * work unchanged. One instance per node; the node calls {@link #events()} after each commit and
 * closes it after the server.
 *
 * <p>Notifications never run on the committing thread (RPC-27): {@link #events()} hands the block
 * to one notification thread with a bounded queue and returns. That thread serialises each header
 * and log once and queues the text on every matching subscriber; a subscriber whose connection
 * cannot take it is disconnected by the server, and if the queue itself overflows, every
 * subscriber of the kind is disconnected, since each missed a notification.
 */
public final class EthereumRpc implements AutoCloseable {
  /** Pending-transaction hashes waiting for the notification thread; beyond it subscribers lag. */
  static final int PENDING_NOTIFICATIONS_QUEUED_MAX = 10_000;
  static final String NOTIFICATIONS_OVERFLOW = "xinlian.rpc.notifications.overflow";
  static final String SUBSCRIPTIONS = "xinlian.rpc.subscriptions";

  private final EthContext context;
  private final Filters filters;
  private final Subscribers<Void> newHeads;
  private final Subscribers<LogFilter> logs;
  private final Subscribers<Void> pendingTransactions;
  private final List<RpcMethod> methods;
  private final ThreadPoolExecutor notifier;
  private final AtomicBoolean headsLagging = new AtomicBoolean();
  private final AtomicBoolean pendingLagging = new AtomicBoolean();
  private final ConcurrentLinkedQueue<Hash> pendingHashes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingQueued = new AtomicInteger();
  private final AtomicBoolean pendingDrainScheduled = new AtomicBoolean();
  private final Counter blocksOverflow;
  private final Counter pendingOverflow;

  private EthereumRpc(EthereumRpcDependencies dependencies, RpcLimits limits, MeterRegistry meters) {
    this.context = new EthContext(dependencies, limits);
    this.filters = new Filters(context, meters);
    this.newHeads = new Subscribers<>("newHeads", EthereumRpc::noArguments);
    this.logs = new Subscribers<>("logs", params -> {
      params.requireCount(0, 1);
      LogFilter filter = LogFilter.parse(params.raw(0), "filter", limits.logsAlternativesMax());
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
    this.notifier = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(limits.notificationQueueMax()), runnable -> {
          Thread thread = new Thread(runnable, "xinlian-rpc-notify");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    this.blocksOverflow = Counter.builder(NOTIFICATIONS_OVERFLOW).tag("kind", "blocks")
        .description("Committed blocks the notification queue could not take; their subscribers were disconnected")
        .register(meters);
    this.pendingOverflow = Counter.builder(NOTIFICATIONS_OVERFLOW).tag("kind", "pending")
        .description("Pending transactions the notification queue could not take; their subscribers were disconnected")
        .register(meters);
    Gauge.builder(SUBSCRIPTIONS, newHeads, Subscribers::size).tag("kind", "newHeads").register(meters);
    Gauge.builder(SUBSCRIPTIONS, logs, Subscribers::size).tag("kind", "logs").register(meters);
    Gauge.builder(SUBSCRIPTIONS, pendingTransactions, Subscribers::size)
        .tag("kind", "newPendingTransactions").register(meters);
    Gauge.builder("xinlian.rpc.filters", filters, Filters::size)
        .description("Polled filters installed").register(meters);
    dependencies.pool().addListener(transaction -> onPendingTransaction(transaction.hash()));
  }

  /** The methods and sources over {@code dependencies} with default limits and private meters. */
  public static EthereumRpc create(EthereumRpcDependencies dependencies) {
    return create(dependencies, RpcLimits.defaults(), new SimpleMeterRegistry());
  }

  /**
   * The methods and sources over {@code dependencies}, bounded by {@code limits} (the server's,
   * RPC-28), with their meters on {@code meters}; registers a listener on the pool and starts the
   * notification thread.
   */
  public static EthereumRpc create(EthereumRpcDependencies dependencies, RpcLimits limits,
      MeterRegistry meters) {
    return new EthereumRpc(Objects.requireNonNull(dependencies, "dependencies"),
        Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(meters, "meters"));
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
   * What the node tells of each committed block. It returns at once whatever the subscriptions:
   * the block is queued for the notification thread (RPC-27). Block and log filters need nothing:
   * they read the store when polled.
   */
  public ChainEventListener events() {
    return this::onBlockCommitted;
  }

  private void onBlockCommitted(Block block, List<Receipt> receipts) {
    if (newHeads.isEmpty() && logs.isEmpty()) {
      return;
    }
    try {
      notifier.execute(() -> notifyBlock(block, receipts));
    } catch (RejectedExecutionException full) {
      blocksOverflow.increment();
      headsLagging.set(true);
    }
  }

  private void notifyBlock(Block block, List<Receipt> receipts) {
    if (headsLagging.getAndSet(false)) {
      String reason = "notifications fell behind: a block was skipped (notificationQueueMax)";
      newHeads.disconnectAll(reason);
      logs.disconnectAll(reason);
    }
    Hash blockHash = context.hash(block.header());
    if (!newHeads.isEmpty()) {
      List<Object> header = List.of(
          new JsonText(EthJson.header(block.header(), blockHash, context.baseFee()).toString()));
      newHeads.publish(none -> header);
    }
    if (!logs.isEmpty()) {
      BlockLogs blockLogs = new BlockLogs(context, block, blockHash, receipts);
      if (!blockLogs.isEmpty()) {
        logs.publish(blockLogs::matching);
      }
    }
  }

  /** The pool's listener, on the admitting thread: a ring write and, with subscribers, a queue add. */
  private void onPendingTransaction(Hash hash) {
    filters.onPendingTransaction(hash);
    if (pendingTransactions.isEmpty()) {
      return;
    }
    if (pendingQueued.incrementAndGet() > PENDING_NOTIFICATIONS_QUEUED_MAX) {
      pendingQueued.decrementAndGet();
      pendingOverflow.increment();
      pendingLagging.set(true);
      return;
    }
    pendingHashes.add(hash);
    if (pendingDrainScheduled.compareAndSet(false, true)) {
      try {
        notifier.execute(this::notifyPending);
      } catch (RejectedExecutionException full) {
        // The hashes stay queued for the next drain; the queue bound above still applies.
        pendingDrainScheduled.set(false);
      }
    }
  }

  private void notifyPending() {
    pendingDrainScheduled.set(false);
    if (pendingLagging.getAndSet(false)) {
      pendingTransactions.disconnectAll(
          "notifications fell behind: pending transactions were skipped");
    }
    List<Object> batch = new ArrayList<>();
    for (Hash hash = pendingHashes.poll(); hash != null; hash = pendingHashes.poll()) {
      pendingQueued.decrementAndGet();
      batch.add(new JsonText("\"" + EthJson.hash(hash) + "\""));
    }
    if (!batch.isEmpty()) {
      pendingTransactions.publish(none -> batch);
    }
  }

  /** Stops the notification thread; notifications still queued are dropped. */
  @Override
  public void close() {
    notifier.shutdownNow();
  }

  private static Void noArguments(RpcParams params) {
    params.requireCount(0, 0);
    return null;
  }
}
