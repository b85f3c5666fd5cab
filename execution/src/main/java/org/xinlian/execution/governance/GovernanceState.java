package org.xinlian.execution.governance;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.SystemParameters;
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

  public Parameter parameter(SystemParameters.Key key) {
    return tables.parameter(key.name());
  }

  /**
   * The parameters in force for the block at {@code height} (GOV-15), when this state is the one
   * of a block before it and no later than two blocks before (changes take effect two blocks after
   * they are decided, so no decision in between can change the answer).
   */
  public SystemParameters parametersAt(long height) {
    SystemParameters.Key[] keys = SystemParameters.Key.values();
    long[] values = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = parameter(keys[i]).valueAt(height);
    }
    return new SystemParameters(values[0], (int) values[1], values[2], values[3], values[4]);
  }
}
