package org.xinlian.execution.governance;

import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.precompile.SystemContract;

/**
 * The consortium governance system contract (docs/adr/0013, docs/spec/governance.md): its address
 * and limits. The validator history it appends to stays at {@link ValidatorGovernance#ADDRESS}.
 */
public final class Governance {
  /** {@code 0x…f101}: beside the validator contract, in the reserved range of ADR 0003. */
  public static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000f101");

  public static final int GOVERNORS_MAX = 100;
  public static final int ORGANISATIONS_MAX = 256;
  public static final int NODES_MAX = 1_024;
  public static final long WEIGHT_MAX = 1_000_000;
  public static final int ORGANISATION_ID_BYTES_MAX = 32;
  public static final int ORGANISATION_NAME_BYTES_MAX = 128;
  public static final int CA_CERTIFICATE_BYTES_MAX = 8 * 1024;
  public static final long USER_QUOTA_MAX = 1_000_000;
  public static final long USER_QUOTA_DEFAULT = 10_000;
  public static final int PAYLOAD_BYTES_MAX = 16 * 1024;
  public static final int REASON_BYTES_MAX = 256;
  public static final int OPEN_PROPOSALS_PER_PROPOSER_MAX = 16;
  public static final int SIGNED_VOTES_PER_CALL_MAX = 100;
  public static final long VOTING_PERIOD_BLOCKS_MAX = 1_000_000;
  public static final long EXECUTE_AHEAD_BLOCKS_MAX = 1_000_000;
  /** Input of one call: a payload and its ABI framing, or 100 signed votes. */
  public static final int CALL_INPUT_BYTES_MAX = 32 * 1024;
  /** Bounds any stored byte string (certificates are the largest). */
  static final int STORED_BYTES_MAX = Math.max(PAYLOAD_BYTES_MAX, CA_CERTIFICATE_BYTES_MAX);

  public static final long CALL_GAS = 10_000;
  public static final long SIGNATURE_GAS = 3_000;

  private Governance() {}

  /** The contract of a permissioned chain, registered at {@link #ADDRESS} (GOV-2). */
  public static SystemContract contract(CryptoSuite suite, long chainId, Hash genesisHash,
      List<Address> genesisValidators) {
    return new GovernanceContract(suite, chainId, genesisHash, ValidatorHistory.genesis(genesisValidators));
  }
}
