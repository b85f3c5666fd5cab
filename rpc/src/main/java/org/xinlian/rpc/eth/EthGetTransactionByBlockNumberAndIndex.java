package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getTransactionByBlockNumberAndIndex [block, index]}: null when absent. */
final class EthGetTransactionByBlockNumberAndIndex extends EthMethod {
  EthGetTransactionByBlockNumberAndIndex(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockNumberAndIndex";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 2);
    var block = context.header(params.blockTag(0, "block"))
        .flatMap(header -> context.dependencies.blocks().block(context.hash(header)));
    return TransactionLookup.byPosition(context, block, params.quantityLong(1, "index")).orElse(null);
  }
}
