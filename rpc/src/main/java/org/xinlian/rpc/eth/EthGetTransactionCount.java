package org.xinlian.rpc.eth;

import org.xinlian.common.Address;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getTransactionCount [address, block]}: the nonce; with {@code pending} it counts the pool's executable transactions too, so wallets can send several in a row. */
final class EthGetTransactionCount extends EthMethod {
  EthGetTransactionCount(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    BlockTag block = params.blockTagOr(1, "block", BlockTag.LATEST);
    if (block.kind() == BlockTag.Kind.PENDING) {
      return EthJson.quantity(context.dependencies.pool().pendingNonce(address));
    }
    return context.readState(block, state -> EthJson.quantity(state.nonce(address)));
  }
}
