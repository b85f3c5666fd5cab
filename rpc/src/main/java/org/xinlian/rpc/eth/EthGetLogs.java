package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcParams;

/** {@code eth_getLogs [filter]}: matching logs of a bounded range (LogQuery's limits). */
final class EthGetLogs extends EthMethod {
  EthGetLogs(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "eth_getLogs";
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
    params.requireCount(1, 1);
    return LogQuery.run(context,
        LogFilter.parse(params.raw(0), "filter", context.limits.logsAlternativesMax()), call);
  }
}
