package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code net_peerCount}: the connected P2P peers (0x0 for a single node). */
final class NetPeerCount extends EthMethod {
  NetPeerCount(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return "0x" + Integer.toHexString(Math.max(0, context.dependencies.peerCount().getAsInt()));
  }
}
