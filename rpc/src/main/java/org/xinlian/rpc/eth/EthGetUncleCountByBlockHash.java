package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getUncleCountByBlockHash [hash]}: 0x0 (BFT blocks have no uncles), null for an unknown block. */
final class EthGetUncleCountByBlockHash extends EthMethod {
  EthGetUncleCountByBlockHash(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockHash";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return context.dependencies.blocks().header(params.hash(0, "blockHash")).map(header -> "0x0")
        .orElse(null);
  }
}
