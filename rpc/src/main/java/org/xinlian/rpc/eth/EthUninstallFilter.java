package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_uninstallFilter [id]}: true when the filter existed. */
final class EthUninstallFilter extends EthMethod {
  private final Filters filters;

  EthUninstallFilter(EthContext context, Filters filters) {
    super(context);
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_uninstallFilter";
  }

  @Override
  public Object execute(RpcParams params) {
    return execute(params, local());
  }

  @Override
  public Object execute(RpcParams params, RpcCall call) {
    params.requireCount(1, 1);
    return filters.uninstall(params.string(0, "filterId"), call);
  }
}
