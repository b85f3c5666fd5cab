package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;

/**
 * The polled filters of eth_newFilter, eth_newBlockFilter and eth_newPendingTransactionFilter.
 * As in geth, a filter nobody polls for {@link #FILTER_IDLE_MILLIS_MAX} is removed, and their
 * number and buffered hashes are bounded so abandoned filters cannot grow the node's memory.
 */
final class Filters {
  /** A filter not polled for this long is removed (geth's deadline), in milliseconds. */
  static final long FILTER_IDLE_MILLIS_MAX = 5 * 60 * 1000;
  /** The most filters installed at once. */
  static final int FILTERS_MAX = 1000;
  /** The most hashes a block or pending-transaction filter buffers between polls (oldest dropped). */
  static final int FILTER_HASHES_MAX = 10_000;

  private enum Kind { LOGS, BLOCKS, PENDING }

  private static final class Filter {
    final Kind kind;
    final LogFilter logs;
    final ArrayDeque<Hash> hashes = new ArrayDeque<>();
    long nextBlock;
    long polledMillis;

    Filter(Kind kind, LogFilter logs, long nextBlock, long polledMillis) {
      this.kind = kind;
      this.logs = logs;
      this.nextBlock = nextBlock;
      this.polledMillis = polledMillis;
    }
  }

  private final EthContext context;
  private final Clock clock;
  private final Map<String, Filter> filters = new LinkedHashMap<>();
  private long nextId = 1;

  Filters(EthContext context) {
    this.context = context;
    this.clock = context.dependencies.clock();
  }

  String newLogFilter(LogFilter filter) {
    long next = context.head().number() + 1;
    if (filter.fromBlock().kind() == org.xinlian.rpc.BlockTag.Kind.NUMBER) {
      next = filter.fromBlock().number();
    }
    return install(new Filter(Kind.LOGS, filter, next, clock.currentTimeMillis()));
  }

  String newBlockFilter() {
    return install(new Filter(Kind.BLOCKS, null, 0, clock.currentTimeMillis()));
  }

  String newPendingTransactionFilter() {
    return install(new Filter(Kind.PENDING, null, 0, clock.currentTimeMillis()));
  }

  synchronized boolean uninstall(String id) {
    expire();
    return filters.remove(id) != null;
  }

  /** What happened since the last poll: logs, block hashes or transaction hashes. */
  ArrayNode changes(String id) {
    Filter filter;
    long from;
    long to;
    synchronized (this) {
      filter = poll(id);
      if (filter.kind != Kind.LOGS) {
        ArrayNode result = EthJson.NODES.arrayNode();
        filter.hashes.forEach(hash -> result.add(EthJson.hash(hash)));
        filter.hashes.clear();
        return result;
      }
      from = filter.nextBlock;
      to = context.head().number();
      if (filter.logs.toBlock().kind() == org.xinlian.rpc.BlockTag.Kind.NUMBER) {
        to = Math.min(to, filter.logs.toBlock().number());
      }
      to = Math.min(to, from + LogQuery.LOG_BLOCK_RANGE_MAX - 1);
      filter.nextBlock = Math.max(from, to + 1);
    }
    return LogQuery.range(context, filter.logs, from, to);
  }

  /** eth_getFilterLogs: every log of a log filter's range, as eth_getLogs would give it. */
  ArrayNode logs(String id) {
    LogFilter logs;
    synchronized (this) {
      Filter filter = poll(id);
      if (filter.kind != Kind.LOGS) {
        throw RpcException.invalidParams("filter " + id + " is not a log filter");
      }
      logs = filter.logs;
    }
    return LogQuery.run(context, logs);
  }

  synchronized void onBlock(Hash blockHash) {
    add(Kind.BLOCKS, blockHash);
  }

  synchronized void onPendingTransaction(Hash transactionHash) {
    add(Kind.PENDING, transactionHash);
  }

  private void add(Kind kind, Hash hash) {
    for (Filter filter : filters.values()) {
      if (filter.kind == kind) {
        if (filter.hashes.size() >= FILTER_HASHES_MAX) {
          filter.hashes.removeFirst();
        }
        filter.hashes.addLast(hash);
      }
    }
  }

  private synchronized String install(Filter filter) {
    expire();
    if (filters.size() >= FILTERS_MAX) {
      throw RpcException.limitExceeded("too many filters installed (FILTERS_MAX=" + FILTERS_MAX
          + "); uninstall unused filters or let them expire");
    }
    String id = EthJson.quantity(nextId++);
    filters.put(id, filter);
    return id;
  }

  private Filter poll(String id) {
    expire();
    Filter filter = filters.get(id);
    if (filter == null) {
      throw new RpcException(RpcErrorCodes.INVALID_INPUT, "filter not found");
    }
    filter.polledMillis = clock.currentTimeMillis();
    return filter;
  }

  private void expire() {
    long now = clock.currentTimeMillis();
    for (Iterator<Filter> it = filters.values().iterator(); it.hasNext(); ) {
      if (now - it.next().polledMillis >= FILTER_IDLE_MILLIS_MAX) {
        it.remove();
      }
    }
  }
}
