package org.xinlian.rpc.methods;

import java.util.List;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcMethod;

/** The methods that need no ledger, which every node serves. */
public final class ChainIndependentMethods {
  private ChainIndependentMethods() {}

  public static List<RpcMethod> of(ChainInfo chain) {
    return List.of(new Web3ClientVersion(chain.permissioned()), new Web3Sha3(), new NetVersion(chain), new EthChainId(chain));
  }
}
