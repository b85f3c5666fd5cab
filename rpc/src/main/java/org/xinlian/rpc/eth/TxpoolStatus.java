package org.xinlian.rpc.eth;

import java.util.Map;
import org.xinlian.execution.pool.PoolStatus;
import org.xinlian.rpc.RpcParams;

/** {@code txpool_status}: the pool's pending and queued counts, as geth reports them. */
final class TxpoolStatus extends EthMethod {
  TxpoolStatus(EthContext context) {
    super(context);
  }

  @Override
  public String name() {
    return "txpool_status";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    PoolStatus status = context.dependencies.pool().status();
    return Map.of("pending", EthJson.quantity(status.pending()),
        "queued", EthJson.quantity(status.queued()));
  }
}
