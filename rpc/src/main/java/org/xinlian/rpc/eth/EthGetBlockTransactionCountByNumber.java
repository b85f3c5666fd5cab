package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getBlockTransactionCountByNumber [block]}: null when unknown. */
final class EthGetBlockTransactionCountByNumber extends EthMethod {
  EthGetBlockTransactionCountByNumber(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByNumber";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return context.header(params.blockTag(0, "block"))
        .flatMap(header -> context.dependencies.blocks().block(context.hash(header)))
        .map(block -> EthJson.quantity(block.transactions().size()))
        .orElse(null);
  }
}
