package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getBlockByHash [hash, full]}: the block with transaction hashes or objects; null when unknown. */
final class EthGetBlockByHash extends EthMethod {
  EthGetBlockByHash(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 2);
    boolean full = params.bool(1, "fullTransactions");
    return context.dependencies.blocks().block(params.hash(0, "blockHash"))
        .map(block -> EthJson.block(block, full, context.dependencies.suite(), context.baseFee()))
        .orElse(null);
  }
}
