package org.xinlian.rpc.eth;

import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getStorageAt [address, slot, block]}: one storage word as 32 bytes. */
final class EthGetStorageAt extends EthMethod {
  EthGetStorageAt(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getStorageAt";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(2, 3);
    Address address = params.address(0, "address");
    UInt256 slot = UInt256.fromBigInteger(params.quantity(1, "slot"));
    BlockTag block = params.blockTagOr(2, "block", BlockTag.LATEST);
    return context.readState(block, state -> EthJson.data(state.storage(address, slot).toBytes()));
  }
}
