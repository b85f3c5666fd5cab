package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getBlockByNumber [block, full]}: the block with transaction hashes or objects; null when unknown. */
final class EthGetBlockByNumber extends EthMethod {
  EthGetBlockByNumber(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 2);
    boolean full = params.bool(1, "fullTransactions");
    return context.header(params.blockTag(0, "block"))
        .flatMap(header -> context.dependencies.blocks().block(context.hash(header)))
        .map(block -> EthJson.block(block, full, context.dependencies.suite(), context.baseFee()))
        .orElse(null);
  }
}
