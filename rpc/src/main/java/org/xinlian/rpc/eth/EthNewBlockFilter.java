package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_newBlockFilter}: installs a filter of new block hashes. */
final class EthNewBlockFilter extends EthMethod {
  private final Filters filters;

  EthNewBlockFilter(EthContext context, Filters filters) {
    super(context);
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newBlockFilter";
  }

  @Override
  public Object execute(RpcParams params) {
    return execute(params, local());
  }

  @Override
  public Object execute(RpcParams params, RpcCall call) {
    params.requireCount(0, 0);
    return filters.newBlockFilter(call);
  }
}
