package org.xinlian.rpc.eth;

import org.xinlian.common.Address;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getCode [address, block]}: the account's code. */
final class EthGetCode extends EthMethod {
  EthGetCode(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getCode";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    BlockTag block = params.blockTagOr(1, "block", BlockTag.LATEST);
    return context.readState(block, state -> EthJson.data(state.code(address)));
  }
}
