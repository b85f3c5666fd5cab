package org.xinlian.rpc.eth;

import java.util.Optional;
import org.xinlian.evm.ExecutionStoppedException;
import org.xinlian.execution.CallRequest;
import org.xinlian.execution.CallResult;
import org.xinlian.execution.GasEstimate;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.types.block.BlockHeader;

/**
 * {@code eth_estimateGas [transaction, block]}: the least gas with which the transaction succeeds
 * (within 1.5%, EXECUTION-7), searched up to callGasCap. A transaction that reverts at any gas is
 * reported like eth_call's revert, so the user sees the reason before sending. The whole search
 * shares the call's time cap (RPC-23).
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
  public boolean heavy() {
    return true;
  }

  @Override
  public Object execute(RpcParams params) {
    return execute(params, local());
  }

  @Override
  public Object execute(RpcParams params, RpcCall call) {
    params.requireCount(1, 2);
    CallRequest original = CallRequests.parse(params.raw(0));
    BlockHeader header = CallRequests.header(context, params, 1);
    long gasCap = context.limits.callGasCap();
    GasEstimate estimate;
    try {
      estimate = context.dependencies.execution().estimateGas(
          CallRequests.capped(original, header, gasCap), Optional.of(context.hash(header)),
          call::stopRequested);
    } catch (ExecutionStoppedException e) {
      throw call.stopped();
    }
    if (estimate.succeeded()) {
      return EthJson.quantity(estimate.gasLimit());
    }
    CallResult result = estimate.result();
    if (result.status() == CallResult.Status.REVERTED) {
      throw RpcException.executionReverted(result.output());
    }
    throw new RpcException(RpcErrorCodes.INVALID_INPUT,
        EthCall.failure(result, CallRequests.capBound(original, header, gasCap), gasCap));
  }
}
