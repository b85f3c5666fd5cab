package org.xinlian.execution.governance;

import java.util.Objects;
import org.xinlian.common.Address;

/** What governance state holds, as read (GOV-16). */
public final class GovernanceRecords {
  private GovernanceRecords() {}

  public record Organisation(String id, String name, byte[] caCertificate, long userQuota, long users) {
    public Organisation {
      Objects.requireNonNull(id, "id");
      caCertificate = caCertificate.clone();
    }

    @Override
    public byte[] caCertificate() {
      return caCertificate.clone();
    }
  }

  public record Governor(Address account, String organisation, long weight) {}

  public record Node(Address node, String organisation, NodeRole role) {}

  /**
   * @param roles a bit ({@link Role#bit()}) for each role held
   * @param admitted whether it may send transactions now (GOV-8)
   */
  public record Account(int roles, String organisation, AccountStatus status, boolean governor,
      boolean admitted) {
    public boolean holds(Role role) {
      return role.heldIn(roles);
    }
  }

  public record Tally(long forWeight, long againstWeight, long abstainWeight, long totalWeight) {
    long voted() {
      return forWeight + againstWeight + abstainWeight;
    }
  }

  /** A proposal with its status as of the height it was read at (an open one past its expiry reads as expired). */
  public record Proposal(long id, ProposalKind kind, byte[] payload, Address proposer, long createdAt,
      long expiresAt, long executeAt, ProposalStatus status, Tally tally, String executionError) {
    public Proposal {
      payload = payload.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }
  }

  /** A system parameter (GOV-15): the value in force and a scheduled change, if any (pendingFrom 0). */
  public record Parameter(String key, long value, long pendingValue, long pendingFrom) {
    /** The value for the block at {@code height}. */
    public long valueAt(long height) {
      return pendingFrom != 0 && height >= pendingFrom ? pendingValue : value;
    }
  }
}
