package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_syncing}: false, since a single node is never behind (the network issue will report catch-up here). */
final class EthSyncing extends EthMethod {
  EthSyncing(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return Boolean.FALSE;
  }
}
