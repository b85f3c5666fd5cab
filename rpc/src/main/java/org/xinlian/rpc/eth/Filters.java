package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RandomIds;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcClient;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcLimits;

/**
 * The polled filters of eth_newFilter, eth_newBlockFilter and eth_newPendingTransactionFilter
 * (RPC-20, RPC-26). A filter's id is 128 random bits and the filter belongs to the scope that
 * installed it (its WebSocket connection, or over HTTP its address): another client neither
 * reads nor uninstalls it, even knowing the id, and is told "filter not found" exactly as for an
 * id that does not exist. The table is bounded in all (filtersMax) and per address
 * (filtersPerAddressMax), so one client cannot fill it for everyone; a filter nobody polls for
 * filterIdleTimeoutMs is removed, and a WebSocket's filters go with the connection.
 *
 * <p>Block and pending-transaction filters keep cursors, not copies: a block filter remembers the
 * next block number, a pending filter its position in one shared ring of recent transaction
 * hashes, so a new block or transaction costs nothing per filter.
 */
final class Filters {
  /** The most hashes a block or pending-transaction filter returns per poll (oldest dropped). */
  static final int FILTER_HASHES_MAX = 10_000;
  /** Filters refused by a table bound, by which: {@code filters-max} or {@code per-address}. */
  static final String FILTERS_REFUSED = "xinlian.rpc.filters.refused";

  private enum Kind { LOGS, BLOCKS, PENDING }

  private static final class Filter {
    final Kind kind;
    final LogFilter logs;
    final String scope;
    final String address;
    /** Logs and blocks: the next block to report; pending: the next ring position. */
    long next;
    long polledMillis;

    Filter(Kind kind, LogFilter logs, RpcClient owner, long next, long polledMillis) {
      this.kind = kind;
      this.logs = logs;
      this.scope = owner.scope();
      this.address = owner.address();
      this.next = next;
      this.polledMillis = polledMillis;
    }
  }

  private final EthContext context;
  private final Clock clock;
  private final RpcLimits limits;
  /** In order of last poll, oldest first, so expiry stops at the first live filter. */
  private final LinkedHashMap<String, Filter> filters = new LinkedHashMap<>();
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final Hash[] pending = new Hash[FILTER_HASHES_MAX];
  /** Pending transactions seen since start; the ring holds the last FILTER_HASHES_MAX. */
  private long pendingSeen;  private final Counter refusedTotal;
  private final Counter refusedPerAddress;

  Filters(EthContext context, MeterRegistry meters) {
    this.context = context;
    this.clock = context.dependencies.clock();
    this.limits = context.limits;
    this.refusedTotal = Counter.builder(FILTERS_REFUSED).tag("reason", "filters-max")
        .description("Filters refused because a filter table bound was reached").register(meters);
    this.refusedPerAddress = Counter.builder(FILTERS_REFUSED).tag("reason", "per-address")
        .description("Filters refused because a filter table bound was reached").register(meters);
  }

  String newLogFilter(LogFilter filter, RpcCall call) {
    long next = context.head().number() + 1;
    if (filter.fromBlock().kind() == BlockTag.Kind.NUMBER) {
      next = filter.fromBlock().number();
    }
    return install(Kind.LOGS, filter, call.client(), next);
  }

  String newBlockFilter(RpcCall call) {
    return install(Kind.BLOCKS, null, call.client(), context.head().number() + 1);
  }

  synchronized String newPendingTransactionFilter(RpcCall call) {
    return install(Kind.PENDING, null, call.client(), pendingSeen);
  }

  synchronized boolean uninstall(String id, RpcCall call) {
    expire();
    Filter filter = filters.get(id);
    if (filter == null || !filter.scope.equals(call.client().scope())) {
      return false;
    }
    remove(id, filter);
    return true;
  }

  /** What happened since the last poll: logs, block hashes or transaction hashes. */
  ArrayNode changes(String id, RpcCall call) {
    Filter filter;
    long from;
    long to;
    synchronized (this) {
      filter = poll(id, call);
      if (filter.kind == Kind.PENDING) {
        return pendingSince(filter);
      }
      from = filter.next;
      to = context.head().number();
      if (filter.kind == Kind.BLOCKS) {
        filter.next = to + 1;
      } else {
        if (filter.logs.toBlock().kind() == BlockTag.Kind.NUMBER) {
          to = Math.min(to, filter.logs.toBlock().number());
        }
        // A filter polled rarely catches up over several polls instead of one unbounded query.
        to = Math.min(to, from + LogQuery.blocksPerQuery(limits, filter.logs) - 1);
        filter.next = Math.max(from, to + 1);
      }
    }
    if (filter.kind == Kind.BLOCKS) {
      ArrayNode result = EthJson.NODES.arrayNode();
      for (long number = Math.max(from, to - FILTER_HASHES_MAX + 1); number <= to; number++) {
        context.dependencies.blocks().canonicalHash(number)
            .ifPresent(hash -> result.add(EthJson.hash(hash)));
      }
      return result;
    }
    return from > to ? EthJson.NODES.arrayNode() : LogQuery.range(context, filter.logs, from, to, call);
  }

  /** eth_getFilterLogs: every log of a log filter's range, as eth_getLogs would give it. */
  ArrayNode logs(String id, RpcCall call) {
    LogFilter logs;
    synchronized (this) {
      Filter filter = poll(id, call);
      if (filter.kind != Kind.LOGS) {
        throw RpcException.invalidParams("filter " + id + " is not a log filter");
      }
      logs = filter.logs;
    }
    return LogQuery.run(context, logs, call);
  }

  /** Called by the pool's listener for each admitted transaction: one ring write, whatever the filter count. */
  synchronized void onPendingTransaction(Hash transactionHash) {
    pending[(int) (pendingSeen % FILTER_HASHES_MAX)] = transactionHash;
    pendingSeen++;
  }

  synchronized int size() {
    return filters.size();
  }

  private ArrayNode pendingSince(Filter filter) {
    ArrayNode result = EthJson.NODES.arrayNode();
    for (long at = Math.max(filter.next, pendingSeen - FILTER_HASHES_MAX); at < pendingSeen; at++) {
      result.add(EthJson.hash(pending[(int) (at % FILTER_HASHES_MAX)]));
    }
    filter.next = pendingSeen;
    return result;
  }

  private synchronized String install(Kind kind, LogFilter logs, RpcClient owner, long next) {
    expire();
    if (filters.size() >= limits.filtersMax()) {
      refusedTotal.increment();
      throw RpcException.limitExceeded("too many filters installed on this node (filtersMax="
          + limits.filtersMax() + "); uninstall unused filters or let them expire");
    }
    int ofAddress = perAddress.getOrDefault(owner.address(), 0);
    if (ofAddress >= limits.filtersPerAddressMax()) {
      refusedPerAddress.increment();
      throw RpcException.limitExceeded("too many filters installed from your address "
          + "(filtersPerAddressMax=" + limits.filtersPerAddressMax()
          + "); uninstall unused filters or let them expire");
    }
    String id = RandomIds.next();
    Filter filter = new Filter(kind, logs, owner, next, clock.currentTimeMillis());
    filters.put(id, filter);
    perAddress.put(owner.address(), ofAddress + 1);
    String scope = filter.scope;
    owner.onScopeEnd(this, () -> removeScope(scope));
    return id;
  }

  /** The caller's own filter, marked as polled; anyone else's is "not found", like a missing one. */
  private Filter poll(String id, RpcCall call) {
    expire();
    Filter filter = filters.get(id);
    if (filter == null || !filter.scope.equals(call.client().scope())) {
      throw new RpcException(RpcErrorCodes.INVALID_INPUT, "filter not found");
    }
    filter.polledMillis = clock.currentTimeMillis();
    filters.remove(id);
    filters.put(id, filter);
    return filter;
  }

  private synchronized void removeScope(String scope) {
    filters.entrySet().removeIf(entry -> {
      if (entry.getValue().scope.equals(scope)) {
        release(entry.getValue());
        return true;
      }
      return false;
    });
  }

  private void remove(String id, Filter filter) {
    filters.remove(id);
    release(filter);
  }

  private void release(Filter filter) {
    perAddress.computeIfPresent(filter.address, (address, count) -> count <= 1 ? null : count - 1);
  }

  private void expire() {
    long now = clock.currentTimeMillis();
    for (Iterator<Filter> it = filters.values().iterator(); it.hasNext(); ) {
      Filter filter = it.next();
      if (now - filter.polledMillis < limits.filterIdleTimeoutMs()) {
        return;
      }
      it.remove();
      release(filter);
    }
  }
}
