package org.xinlian.rpc.eth;

import java.util.List;
import org.xinlian.rpc.RpcParams;

/** {@code eth_accounts}: empty, since the node holds no user keys (tools sign locally). */
final class EthAccounts extends EthMethod {
  EthAccounts(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return List.of();
  }
}
