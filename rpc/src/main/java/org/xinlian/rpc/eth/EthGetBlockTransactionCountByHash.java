package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getBlockTransactionCountByHash [hash]}: null when unknown. */
final class EthGetBlockTransactionCountByHash extends EthMethod {
  EthGetBlockTransactionCountByHash(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByHash";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return context.dependencies.blocks().block(params.hash(0, "blockHash"))
        .map(block -> EthJson.quantity(block.transactions().size()))
        .orElse(null);
  }
}
