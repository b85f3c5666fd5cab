package org.xinlian.rpc.eth;

import org.xinlian.common.Address;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getBalance [address, block]}: the balance in wei after the block. */
final class EthGetBalance extends EthMethod {
  EthGetBalance(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    BlockTag block = params.blockTagOr(1, "block", BlockTag.LATEST);
    return context.readState(block, state -> state.balance(address).toHexString());
  }
}
