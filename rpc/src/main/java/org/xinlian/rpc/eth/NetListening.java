package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code net_listening}: true while the node serves. */
final class NetListening extends EthMethod {
  NetListening(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return Boolean.TRUE;
  }
}
