package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcParams;

/** {@code eth_getTransactionByHash [hash]}: an included or pending transaction, null when unknown. */
final class EthGetTransactionByHash extends EthMethod {
  EthGetTransactionByHash(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    return TransactionLookup.byHash(context, params.hash(0, "transactionHash")).orElse(null);
  }
}
