package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_gasPrice}: the base fee plus the least tip the pool admits; 0x0 on zero-price chains. */
final class EthGasPrice extends EthMethod {
  EthGasPrice(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_gasPrice";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return EthJson.quantity(context.baseFee().add(context.priorityFee()));
  }
}
