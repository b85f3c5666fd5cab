package org.xinlian.execution.governance;

import java.util.Optional;

/**
 * The kinds of governance proposal (GOV-3) with their wire code, the ABI tuple of their payload
 * (contracts/IXinlianGovernance.sol) and their default voting rule (GOV-5).
 */
public enum ProposalKind {
  ADD_GOVERNOR(1, "(address,string,uint64)", "governor,organisation,weight", true),
  REMOVE_GOVERNOR(2, "(address)", "governor", true),
  SET_GOVERNOR_WEIGHT(3, "(address,uint64)", "governor,weight", true),
  SET_VOTING_RULE(4, "(uint8,uint16,uint16)", "kind,quorumBps,approvalBps", true),
  ADD_ORGANISATION(5, "(string,string,bytes,uint32)", "id,name,caCertificate,userQuota", true),
  REMOVE_ORGANISATION(6, "(string)", "id", true),
  ADD_VALIDATOR(7, "(address,string)", "node,organisation", true),
  ADD_OBSERVER(8, "(address,string)", "node,organisation", true),
  REMOVE_NODE(9, "(address)", "node", true),
  SET_PARAMETER(10, "(string,uint256,uint64)", "key,value,activationHeight", false),
  GRANT_ROLE(11, "(address,uint8,string)", "account,role,organisation", false),
  REVOKE_ROLE(12, "(address,uint8)", "account,role", false),
  FREEZE_ACCOUNT(13, "(address,string)", "account,reason", false),
  UNFREEZE_ACCOUNT(14, "(address,string)", "account,reason", false),
  ABOLISH_ACCOUNT(15, "(address,string)", "account,reason", true),
  FREEZE_CONTRACT(16, "(address,string)", "account,reason", false),
  UNFREEZE_CONTRACT(17, "(address,string)", "account,reason", false),
  ABOLISH_CONTRACT(18, "(address,string)", "account,reason", true),
  UPGRADE_CONTRACT(19, "(address,address)", "proxy,implementation", true),
  /** A protocol feature in force from the height (docs/spec/operations.md OPS-81). */
  SCHEDULE_FEATURE(20, "(string,uint64)", "feature,activationHeight", true);

  /** Default rule of the kinds that change who decides, who validates or what cannot be undone. */
  public static final VotingRule CRITICAL_RULE = new VotingRule(6667, 6667);
  /** Default rule of everyday administration. */
  public static final VotingRule ROUTINE_RULE = new VotingRule(5001, 5001);

  private static final ProposalKind[] BY_CODE = new ProposalKind[21];

  static {
    for (ProposalKind kind : values()) {
      BY_CODE[kind.code] = kind;
    }
  }

  private final int code;
  private final String payloadType;
  private final String[] fieldNames;
  private final boolean critical;

  ProposalKind(int code, String payloadType, String fieldNames, boolean critical) {
    this.code = code;
    this.payloadType = payloadType;
    this.fieldNames = fieldNames.split(",");
    this.critical = critical;
  }

  public int code() {
    return code;
  }

  /** The ABI tuple type of the payload, for example {@code (address,string,uint64)}. */
  public String payloadType() {
    return payloadType;
  }

  /** The payload's field names, in order, as the interface documents them. */
  public String fieldName(int index) {
    return fieldNames[index];
  }

  public int fieldCount() {
    return fieldNames.length;
  }

  public VotingRule defaultRule() {
    return critical ? CRITICAL_RULE : ROUTINE_RULE;
  }

  /** Whether an auditor (not only a governor) may propose it: freeze requests (GOV-3). */
  public boolean auditorMayPropose() {
    return this == FREEZE_ACCOUNT || this == FREEZE_CONTRACT;
  }

  public static Optional<ProposalKind> ofCode(int code) {
    return code > 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
  }

  /** The kind named {@code name} exactly as the interface spells it ({@code ADD_GOVERNOR}). */
  public static Optional<ProposalKind> ofName(String name) {
    for (ProposalKind kind : values()) {
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
