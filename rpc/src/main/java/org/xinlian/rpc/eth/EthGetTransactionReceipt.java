package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getTransactionReceipt [hash]}: the receipt of an included transaction, null otherwise. */
final class EthGetTransactionReceipt extends EthMethod {
  EthGetTransactionReceipt(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return TransactionLookup.receipt(context, params.hash(0, "transactionHash")).orElse(null);
  }
}
