package org.xinlian.rpc.eth;

import org.xinlian.execution.CallResult;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;

/**
 * {@code eth_call [transaction, block]}: executes without committing. A revert is code 3 with the
 * revert data and decoded reason, as ethers and web3j expect; other failures are -32000 with why.
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
  public Object execute(RpcParams params) {
    params.requireCount(1, 2);
    var request = CallRequests.parse(params.raw(0));
    CallResult result =
        context.dependencies.execution().call(request, CallRequests.block(context, params, 1));
    return switch (result.status()) {
      case SUCCESS -> EthJson.data(result.output());
      case REVERTED -> throw RpcException.executionReverted(result.output());
      default -> throw new RpcException(RpcErrorCodes.INVALID_INPUT, failure(result));
    };
  }

  static String failure(CallResult result) {
    return result.detail().isEmpty() ? result.status().name().toLowerCase(java.util.Locale.ROOT)
        : result.detail();
  }
}
