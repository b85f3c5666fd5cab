package org.xinlian.rpc.eth;

import org.xinlian.execution.pool.AdmissionResult;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;

/**
 * {@code eth_sendRawTransaction [envelope]}: hands the signed bytes to the pool and answers the
 * transaction hash; a refusal is -32000 with geth's wording, which wallets recognise.
 */
final class EthSendRawTransaction extends EthMethod {
  EthSendRawTransaction(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    AdmissionResult result = context.dependencies.pool().add(params.data(0, "transaction"));
    if (!result.accepted()) {
      throw RpcException.transactionRejected(result.message());
    }
    return EthJson.hash(result.hash().orElseThrow());
  }
}
