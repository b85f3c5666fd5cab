package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getTransactionByBlockHashAndIndex [hash, index]}: null when absent. */
final class EthGetTransactionByBlockHashAndIndex extends EthMethod {
  EthGetTransactionByBlockHashAndIndex(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockHashAndIndex";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 2);
    var block = context.dependencies.blocks().block(params.hash(0, "blockHash"));
    return TransactionLookup.byPosition(context, block, params.quantityLong(1, "index")).orElse(null);
  }
}
