package org.xinlian.rpc.governance;

import java.util.List;
import java.util.Objects;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.eth.EthereumRpcDependencies;

/**
 * The {@code xinlian_} governance reads (docs/spec/governance.md GOV-16), over the same ledger the
 * Ethereum methods read. The genesis tells whether the chain is permissioned and, on an open
 * development chain, the values its parameters keep for ever.
 */
public final class GovernanceRpc {
  private GovernanceRpc() {}

  /** Every method of this package, for the node to register beside the Ethereum methods. */
  public static List<RpcMethod> methods(EthereumRpcDependencies dependencies, GenesisConfig genesis) {
    GovernanceReads reads = new GovernanceReads(Objects.requireNonNull(dependencies, "dependencies"),
        Objects.requireNonNull(genesis, "genesis"));
    return List.of(new XinlianGetGovernance(reads), new XinlianGetProposal(reads),
        new XinlianGetProposals(reads), new XinlianGetAccount(reads), new XinlianGetSystemParameters(reads),
        new XinlianGetProtocolFeatures(reads));
  }
}
