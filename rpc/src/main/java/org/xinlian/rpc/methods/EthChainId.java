package org.xinlian.rpc.methods;

import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;

/** {@code eth_chainId} (EIP-695): the chain id as a QUANTITY, used by wallets for EIP-155 signing. */
public final class EthChainId implements RpcMethod {
  private final ChainInfo chain;

  public EthChainId(ChainInfo chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return "0x" + Long.toHexString(chain.chainId());
  }
}
