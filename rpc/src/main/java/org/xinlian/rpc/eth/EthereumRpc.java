package org.xinlian.rpc.eth;

import java.util.List;
import java.util.Objects;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.SubscriptionSource;
import org.xinlian.types.block.BlockHeader;

/**
 * The Ethereum JSON-RPC methods over a node's ledger, pool and execution port. Placeholder with
 * only {@code eth_blockNumber}, so the node compiles and can be tested on its own: replaced by the
 * full implementation at merge.
 */
public final class EthereumRpc {
  private final EthereumRpcDependencies dependencies;

  private EthereumRpc(EthereumRpcDependencies dependencies) {
    this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
  }

  public static EthereumRpc create(EthereumRpcDependencies dependencies) {
    return new EthereumRpc(dependencies);
  }

  public List<RpcMethod> methods() {
    return List.of(new RpcMethod() {
      @Override
      public String name() {
        return "eth_blockNumber";
      }

      @Override
      public Object execute(RpcParams params) {
        params.requireCount(0, 0);
        BlockHeader head = dependencies.blocks().head()
            .orElseThrow(() -> new RpcException(-32000, "no genesis"));
        return "0x" + Long.toHexString(head.number());
      }
    });
  }

  public List<SubscriptionSource> subscriptionSources() {
    return List.of();
  }

  public ChainEventListener events() {
    return (block, receipts) -> { };
  }
}
