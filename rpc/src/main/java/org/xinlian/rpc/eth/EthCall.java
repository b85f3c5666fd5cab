package org.xinlian.rpc.eth;

import java.util.Optional;
import org.xinlian.evm.ExecutionStoppedException;
import org.xinlian.execution.CallRequest;
import org.xinlian.execution.CallResult;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.types.block.BlockHeader;

/**
 * {@code eth_call [transaction, block]}: executes without committing. A revert is code 3 with the
 * revert data and decoded reason, as ethers and web3j expect; other failures are -32000 with why.
 * Heavy (RPC-24): its gas is capped at callGasCap and it is stopped at its time cap or when its
 * client leaves (RPC-23).
 */
final class EthCall extends EthMethod {
  EthCall(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_call";
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
    CallResult result;
    try {
      result = context.dependencies.execution().call(CallRequests.capped(original, header, gasCap),
          Optional.of(context.hash(header)), call::stopRequested);
    } catch (ExecutionStoppedException e) {
      throw call.stopped();
    }
    return switch (result.status()) {
      case SUCCESS -> EthJson.data(result.output());
      case REVERTED -> throw RpcException.executionReverted(result.output());
      default -> throw new RpcException(RpcErrorCodes.INVALID_INPUT,
          failure(result, CallRequests.capBound(original, header, gasCap), gasCap));
    };
  }

  /** Why a call failed; when the cap set its gas and it halted, that the cap was too little. */
  static String failure(CallResult result, boolean capBound, long gasCap) {
    if (capBound && result.status() == CallResult.Status.HALTED) {
      return "gas required exceeds allowance (" + gasCap + ", callGasCap)";
    }
    return result.detail().isEmpty() ? result.status().name().toLowerCase(java.util.Locale.ROOT)
        : result.detail();
  }
}
