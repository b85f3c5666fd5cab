package org.xinlian.rpc;

import org.xinlian.common.Invariants;

/**
 * The facts about the chain that the server answers without reading the ledger ({@code
 * eth_chainId}, {@code net_version}, {@code web3_clientVersion}).
 *
 * @param chainId the EIP-155 chain id, positive
 * @param permissioned whether the genesis has a governance section (docs/spec/governance.md
 *     GOV-1); an open development chain says so in {@code web3_clientVersion}
 */
public record ChainInfo(long chainId, boolean permissioned) {
  public ChainInfo {
    Invariants.check(chainId > 0, "chain id must be positive, got %s", chainId);
  }

  /** An open development chain: a genesis without a governance section, as every chain before GOV-1. */
  public ChainInfo(long chainId) {
    this(chainId, false);
  }
}
