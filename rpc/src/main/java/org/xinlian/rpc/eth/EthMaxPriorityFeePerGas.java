package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_maxPriorityFeePerGas}: the least tip the pool admits; 0x0 on zero-price chains. */
final class EthMaxPriorityFeePerGas extends EthMethod {
  EthMaxPriorityFeePerGas(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return EthJson.quantity(context.priorityFee());
  }
}
