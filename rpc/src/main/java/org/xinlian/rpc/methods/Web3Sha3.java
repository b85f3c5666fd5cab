package org.xinlian.rpc.methods;

import org.xinlian.common.Hex;
import org.xinlian.crypto.Keccak256;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;

/**
 * {@code web3_sha3}: Keccak-256 of DATA. Always Keccak, also on gm chains, because tools use it
 * for Ethereum-level hashing (selectors, topics), which Xinlian keeps identical on both suites.
 */
public final class Web3Sha3 implements RpcMethod {
  @Override
  public String name() {
    return "web3_sha3";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return Hex.encode(Keccak256.hash(params.data(0, "data")));
  }
}
