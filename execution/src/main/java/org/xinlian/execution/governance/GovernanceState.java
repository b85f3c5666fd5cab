package org.xinlian.execution.governance;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.governance.GovernanceRecords.Account;
import org.xinlian.execution.governance.GovernanceRecords.Governor;
import org.xinlian.execution.governance.GovernanceRecords.Node;
import org.xinlian.execution.governance.GovernanceRecords.Organisation;
import org.xinlian.execution.governance.GovernanceRecords.Parameter;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;

/**
 * Governance as a state holds it, for readers outside the EVM: JSON-RPC (GOV-16), the pool and the
 * node. Reads are unmetered; a state of an open development chain answers {@link #permissioned()}
 * false and nothing else is meaningful.
 */
public final class GovernanceState {
  private final GovernanceTables tables;

  private GovernanceState(GovernanceTables tables) {
    this.tables = tables;
  }

  public static GovernanceState of(CryptoSuite suite, WorldState state) {
    return new GovernanceState(new GovernanceTables(GovernanceStorage.reading(suite, state)));
  }

  public boolean permissioned() {
    return tables.initialised();
  }

  public List<Organisation> organisations() {
    return tables.organisations();
  }

  public Optional<Organisation> organisation(String id) {
    return tables.organisation(id);
  }

  public List<Governor> governors() {
    return tables.governors();
  }

  public long totalWeight() {
    return tables.totalWeight();
  }

  public List<Node> nodes() {
    return tables.nodes();
  }

  public Account account(Address address) {
    return tables.account(address);
  }

  public VotingRule rule(ProposalKind kind) {
    return tables.rule(kind);
  }

  public long proposalCount() {
    return tables.proposalCount();
  }

  /** Proposal {@code id} as of the block at {@code height} (expiry applied), if it exists. */
  public Optional<Proposal> proposal(long id, long height) {
    return tables.proposalExists(id) ? Optional.of(tables.proposal(id, height)) : Optional.empty();
  }

  public Optional<Choice> vote(long id, Address governor) {
    return tables.proposalExists(id) ? tables.vote(id, governor) : Optional.empty();
  }

  public Parameter parameter(GovernedParameter key) {
    return tables.parameter(key.key());
  }
}
