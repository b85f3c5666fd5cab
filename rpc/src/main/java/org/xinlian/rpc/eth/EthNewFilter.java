package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_newFilter [filter]}: installs a log filter polled with eth_getFilterChanges. */
final class EthNewFilter extends EthMethod {
  private final Filters filters;

  EthNewFilter(EthContext context, Filters filters) {
    super(context);
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newFilter";
  }

  @Override
  public Object execute(RpcParams params) {
    return execute(params, local());
  }

  @Override
  public Object execute(RpcParams params, RpcCall call) {
    params.requireCount(1, 1);
    return filters.newLogFilter(
        LogFilter.parse(params.raw(0), "filter", context.limits.logsAlternativesMax()), call);
  }
}
