package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_blockNumber}: the head's number. */
final class EthBlockNumber extends EthMethod {
  EthBlockNumber(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_blockNumber";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return EthJson.quantity(context.head().number());
  }
}
