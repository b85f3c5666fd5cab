package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getFilterLogs [id]}: every log of a log filter's range. */
final class EthGetFilterLogs extends EthMethod {
  private final Filters filters;

  EthGetFilterLogs(EthContext context, Filters filters) {
    super(context);
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_getFilterLogs";
  }

  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public Object execute(RpcParams params) {
    return execute(params, local());
  }

  @Override
  public Object execute(RpcParams params, RpcCall call) {
    params.requireCount(1, 1);
    return filters.logs(params.string(0, "filterId"), call);
  }
}
