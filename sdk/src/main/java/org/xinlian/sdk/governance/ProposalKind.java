package org.xinlian.sdk.governance;

import java.util.Optional;

/**
 * The proposal kinds of contracts/IXinlianGovernance.sol with their wire code, the ABI tuple of
 * their payload and its field names (GOV-3). The node's own enumeration must agree; a node test
 * compares them.
 */
public enum ProposalKind {
  ADD_GOVERNOR(1, "(address,string,uint64)", "governor,organisation,weight"),
  REMOVE_GOVERNOR(2, "(address)", "governor"),
  SET_GOVERNOR_WEIGHT(3, "(address,uint64)", "governor,weight"),
  SET_VOTING_RULE(4, "(uint8,uint16,uint16)", "kind,quorumBps,approvalBps"),
  ADD_ORGANISATION(5, "(string,string,bytes,uint32)", "id,name,caCertificate,userQuota"),
  REMOVE_ORGANISATION(6, "(string)", "id"),
  ADD_VALIDATOR(7, "(address,string)", "node,organisation"),
  ADD_OBSERVER(8, "(address,string)", "node,organisation"),
  REMOVE_NODE(9, "(address)", "node"),
  SET_PARAMETER(10, "(string,uint256,uint64)", "key,value,activationHeight"),
  GRANT_ROLE(11, "(address,uint8,string)", "account,role,organisation"),
  REVOKE_ROLE(12, "(address,uint8)", "account,role"),
  FREEZE_ACCOUNT(13, "(address,string)", "account,reason"),
  UNFREEZE_ACCOUNT(14, "(address,string)", "account,reason"),
  ABOLISH_ACCOUNT(15, "(address,string)", "account,reason"),
  FREEZE_CONTRACT(16, "(address,string)", "account,reason"),
  UNFREEZE_CONTRACT(17, "(address,string)", "account,reason"),
  ABOLISH_CONTRACT(18, "(address,string)", "account,reason"),
  UPGRADE_CONTRACT(19, "(address,address)", "proxy,implementation"),
  SCHEDULE_FEATURE(20, "(string,uint64)", "feature,activationHeight");

  private final int code;
  private final String payloadType;
  private final String fieldNames;

  ProposalKind(int code, String payloadType, String fieldNames) {
    this.code = code;
    this.payloadType = payloadType;
    this.fieldNames = fieldNames;
  }

  public int code() {
    return code;
  }

  /** The ABI tuple type of the payload, for example {@code (address,string,uint64)}. */
  public String payloadType() {
    return payloadType;
  }

  /** The payload's field names in order, comma-separated, as the interface documents them. */
  public String fieldNames() {
    return fieldNames;
  }

  public static Optional<ProposalKind> ofCode(int code) {
    for (ProposalKind kind : values()) {
      if (kind.code == code) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind named exactly as the interface spells it ({@code ADD_GOVERNOR}). */
  public static Optional<ProposalKind> ofName(String name) {
    for (ProposalKind kind : values()) {
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
