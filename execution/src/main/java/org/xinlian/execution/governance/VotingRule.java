package org.xinlian.execution.governance;

/**
 * A proposal kind's rule (GOV-5), both in basis points of the total weight: it passes when the
 * weight that voted is at least {@code quorumBps} of the total and the weight for it at least
 * {@code approvalBps}.
 */
public record VotingRule(int quorumBps, int approvalBps) {
  public static final int BPS_MAX = 10_000;
  /** An approval below this would let a minority decide. */
  public static final int APPROVAL_BPS_MIN = 5_001;

  public VotingRule {
    if (quorumBps < 1 || quorumBps > BPS_MAX) {
      throw new IllegalArgumentException("quorumBps: " + quorumBps + " is not 1 to " + BPS_MAX);
    }
    if (approvalBps < APPROVAL_BPS_MIN || approvalBps > BPS_MAX) {
      throw new IllegalArgumentException("approvalBps: " + approvalBps + " is not " + APPROVAL_BPS_MIN
          + " to " + BPS_MAX);
    }
  }

  /** Whether {@code part} of {@code total} reaches {@code bps}: {@code part * 10000 >= bps * total}. */
  static boolean reaches(long part, int bps, long total) {
    return Math.multiplyHigh(part, BPS_MAX) == 0 && part * BPS_MAX >= (long) bps * total;
  }
}
