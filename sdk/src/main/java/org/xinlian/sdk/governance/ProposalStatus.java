package org.xinlian.sdk.governance;

/** A proposal's status as {@code xinlian_getProposal} names it (GOV-3). */
public enum ProposalStatus {
  OPEN,
  PASSED,
  REJECTED,
  EXPIRED,
  EXECUTED,
  REVOKED
}
