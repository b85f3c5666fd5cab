package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getFilterChanges [id]}: what arrived since the last poll. */
final class EthGetFilterChanges extends EthMethod {
  private final Filters filters;

  EthGetFilterChanges(EthContext context, Filters filters) {
    super(context);
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_getFilterChanges";
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
    return filters.changes(params.string(0, "filterId"), call);
  }
}
