package org.xinlian.sdk.governance;

import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import java.math.BigInteger;
import java.util.Objects;
import org.xinlian.common.Address;

/**
 * A proposal not yet made (GOV-3): its kind, the ABI-encoded payload, the first height it may
 * execute at (0: as soon as it passes) and how many blocks it stays open for votes. The static
 * builders encode each kind's payload as contracts/IXinlianGovernance.sol documents it; the
 * contract checks the values against the state when the proposal is made.
 */
public record ProposalDraft(ProposalKind kind, byte[] payload, long executeAt, long votingPeriodBlocks) {
  /** A week of one-second blocks: long enough for governors in other time zones. */
  public static final long VOTING_PERIOD_BLOCKS_DEFAULT = 604_800;
  /** The contract's limit (GOV-3). */
  public static final long VOTING_PERIOD_BLOCKS_MAX = 1_000_000;
  public static final int PAYLOAD_BYTES_MAX = 16 * 1024;

  public ProposalDraft {
    Objects.requireNonNull(kind, "kind");
    payload = payload.clone();
    if (payload.length > PAYLOAD_BYTES_MAX) {
      throw new IllegalArgumentException("payload: " + payload.length + " bytes, more than " + PAYLOAD_BYTES_MAX);
    }
    if (executeAt < 0) {
      throw new IllegalArgumentException("executeAt: " + executeAt + " is negative");
    }
    if (votingPeriodBlocks < 1 || votingPeriodBlocks > VOTING_PERIOD_BLOCKS_MAX) {
      throw new IllegalArgumentException("votingPeriodBlocks: " + votingPeriodBlocks + " is not 1 to "
          + VOTING_PERIOD_BLOCKS_MAX);
    }
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The same proposal, executing from {@code height} on once passed. */
  public ProposalDraft executeAt(long height) {
    return new ProposalDraft(kind, payload, height, votingPeriodBlocks);
  }

  /** The same proposal, open for votes for {@code blocks} blocks. */
  public ProposalDraft votingPeriod(long blocks) {
    return new ProposalDraft(kind, payload, executeAt, blocks);
  }

  /** A draft of {@code kind} whose payload is {@code values} (Java types as headlong maps the tuple). */
  public static ProposalDraft of(ProposalKind kind, Object... values) {
    byte[] payload = TupleType.parse(kind.payloadType()).encode(Tuple.from(values)).array();
    return new ProposalDraft(kind, payload, 0, VOTING_PERIOD_BLOCKS_DEFAULT);
  }

  public static ProposalDraft addGovernor(Address governor, String organisation, long weight) {
    return of(ProposalKind.ADD_GOVERNOR, abi(governor), text(organisation, "organisation"),
        unsigned(weight, "weight"));
  }

  public static ProposalDraft removeGovernor(Address governor) {
    return of(ProposalKind.REMOVE_GOVERNOR, abi(governor));
  }

  public static ProposalDraft setGovernorWeight(Address governor, long weight) {
    return of(ProposalKind.SET_GOVERNOR_WEIGHT, abi(governor), unsigned(weight, "weight"));
  }

  public static ProposalDraft setVotingRule(ProposalKind kind, int quorumBps, int approvalBps) {
    return of(ProposalKind.SET_VOTING_RULE, Objects.requireNonNull(kind, "kind").code(),
        uint16(quorumBps, "quorumBps"), uint16(approvalBps, "approvalBps"));
  }

  /** @param caCertificate the organisation's CA certificate, PEM text or DER */
  public static ProposalDraft addOrganisation(String id, String name, byte[] caCertificate, long userQuota) {
    if (userQuota < 0 || userQuota > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("userQuota: " + userQuota + " is not a uint32");
    }
    return of(ProposalKind.ADD_ORGANISATION, text(id, "id"), text(name, "name"),
        Objects.requireNonNull(caCertificate, "caCertificate").clone(), userQuota);
  }

  public static ProposalDraft removeOrganisation(String id) {
    return of(ProposalKind.REMOVE_ORGANISATION, text(id, "id"));
  }

  public static ProposalDraft addValidator(Address node, String organisation) {
    return of(ProposalKind.ADD_VALIDATOR, abi(node), text(organisation, "organisation"));
  }

  public static ProposalDraft addObserver(Address node, String organisation) {
    return of(ProposalKind.ADD_OBSERVER, abi(node), text(organisation, "organisation"));
  }

  public static ProposalDraft removeNode(Address node) {
    return of(ProposalKind.REMOVE_NODE, abi(node));
  }

  /** @param key a GOV-15 parameter ({@code blockGasLimit}, …), effective from {@code activationHeight} */
  public static ProposalDraft setParameter(String key, long value, long activationHeight) {
    return of(ProposalKind.SET_PARAMETER, text(key, "key"), unsigned(value, "value"),
        unsigned(activationHeight, "activationHeight"));
  }

  public static ProposalDraft grantRole(Address account, Role role, String organisation) {
    return of(ProposalKind.GRANT_ROLE, abi(account), Objects.requireNonNull(role, "role").code(),
        text(organisation, "organisation"));
  }

  public static ProposalDraft revokeRole(Address account, Role role) {
    return of(ProposalKind.REVOKE_ROLE, abi(account), Objects.requireNonNull(role, "role").code());
  }

  public static ProposalDraft freezeAccount(Address account, String reason) {
    return status(ProposalKind.FREEZE_ACCOUNT, account, reason);
  }

  public static ProposalDraft unfreezeAccount(Address account, String reason) {
    return status(ProposalKind.UNFREEZE_ACCOUNT, account, reason);
  }

  public static ProposalDraft abolishAccount(Address account, String reason) {
    return status(ProposalKind.ABOLISH_ACCOUNT, account, reason);
  }

  public static ProposalDraft freezeContract(Address contract, String reason) {
    return status(ProposalKind.FREEZE_CONTRACT, contract, reason);
  }

  public static ProposalDraft unfreezeContract(Address contract, String reason) {
    return status(ProposalKind.UNFREEZE_CONTRACT, contract, reason);
  }

  public static ProposalDraft abolishContract(Address contract, String reason) {
    return status(ProposalKind.ABOLISH_CONTRACT, contract, reason);
  }

  /** Points the governed proxy (GOV-13) at {@code implementation} when it executes. */
  public static ProposalDraft upgradeContract(Address proxy, Address implementation) {
    return of(ProposalKind.UPGRADE_CONTRACT, abi(proxy), abi(implementation));
  }

  /**
   * Puts protocol feature {@code feature} in force from {@code activationHeight} on every node
   * (docs/spec/operations.md OPS-81); every node's release must implement it by then.
   */
  public static ProposalDraft scheduleFeature(String feature, long activationHeight) {
    return of(ProposalKind.SCHEDULE_FEATURE, text(feature, "feature"), unsigned(activationHeight, "activationHeight"));
  }

  private static ProposalDraft status(ProposalKind kind, Address account, String reason) {
    return of(kind, abi(account), text(reason, "reason"));
  }

  static com.esaulpaugh.headlong.abi.Address abi(Address address) {
    Objects.requireNonNull(address, "address");
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }

  private static String text(String value, String field) {
    return Objects.requireNonNull(value, field);
  }

  private static BigInteger unsigned(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": " + value + " is negative");
    }
    return BigInteger.valueOf(value);
  }

  private static int uint16(int value, String field) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(field + ": " + value + " is not a uint16");
    }
    return value;
  }
}
