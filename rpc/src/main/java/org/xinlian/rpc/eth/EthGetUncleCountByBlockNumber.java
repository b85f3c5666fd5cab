package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getUncleCountByBlockNumber [block]}: 0x0 (BFT blocks have no uncles), null for an unknown block. */
final class EthGetUncleCountByBlockNumber extends EthMethod {
  EthGetUncleCountByBlockNumber(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getUncleCountByBlockNumber";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return context.header(params.blockTag(0, "block")).map(header -> "0x0").orElse(null);
  }
}
