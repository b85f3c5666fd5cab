package org.xinlian.rpc.eth;

import org.xinlian.execution.CallResult;
import org.xinlian.execution.GasEstimate;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;

/**
 * {@code eth_estimateGas [transaction, block]}: the least gas with which the transaction succeeds.
 * A transaction that reverts at any gas is reported like eth_call's revert, so the user sees the
 * reason before sending.
 */
final class EthEstimateGas extends EthMethod {
  EthEstimateGas(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 2);
    var request = CallRequests.parse(params.raw(0));
    GasEstimate estimate = context.dependencies.execution()
        .estimateGas(request, CallRequests.block(context, params, 1));
    if (estimate.succeeded()) {
      return EthJson.quantity(estimate.gasLimit());
    }
    CallResult result = estimate.result();
    if (result.status() == CallResult.Status.REVERTED) {
      throw RpcException.executionReverted(result.output());
    }
    throw new RpcException(RpcErrorCodes.INVALID_INPUT, EthCall.failure(result));
  }
}
