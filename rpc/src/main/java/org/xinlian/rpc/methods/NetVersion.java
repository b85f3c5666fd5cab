package org.xinlian.rpc.methods;

import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;

/** {@code net_version}: the network id as a decimal string; Xinlian uses the chain id. */
public final class NetVersion implements RpcMethod {
  private final ChainInfo chain;

  public NetVersion(ChainInfo chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return Long.toString(chain.chainId());
  }
}
