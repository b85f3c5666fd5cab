package org.xinlian.rpc;

import org.xinlian.common.Invariants;

/**
 * The facts about the chain that the server answers without reading the ledger ({@code
 * eth_chainId}, {@code net_version}).
 *
 * @param chainId the EIP-155 chain id, positive
 */
public record ChainInfo(long chainId) {
  public ChainInfo {
    Invariants.check(chainId > 0, "chain id must be positive, got %s", chainId);
  }
}
