package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_newPendingTransactionFilter}: installs a filter of new pending transaction hashes. */
final class EthNewPendingTransactionFilter extends EthMethod {
  private final Filters filters;

  EthNewPendingTransactionFilter(EthContext context, Filters filters) {
    super(context);
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newPendingTransactionFilter";
  }

  @Override
  public Object execute(RpcParams params) {
    return execute(params, local());
  }

  @Override
  public Object execute(RpcParams params, RpcCall call) {
    params.requireCount(0, 0);
    return filters.newPendingTransactionFilter(call);
  }
}
