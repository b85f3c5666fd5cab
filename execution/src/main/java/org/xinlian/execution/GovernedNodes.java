package org.xinlian.execution;

import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.ledger.state.StateDatabase;

/**
 * The nodes governance lists in one state, with the storage root of the governance contract they
 * were read under (docs/spec/governance.md GOV-14). Reading every node costs a few storage reads
 * per node (up to 1,024 nodes, GOV-20), so a commit reads them again only when the contract's
 * storage changed: one account read per block otherwise.
 */
final class GovernedNodes {
  private final Hash storageRoot;
  private final List<GovernanceRecords.Node> nodes;

  private GovernedNodes(Hash storageRoot, List<GovernanceRecords.Node> nodes) {
    this.storageRoot = storageRoot;
    this.nodes = List.copyOf(nodes);
  }

  /** The nodes of the state at {@code stateRoot}, reusing {@code known} when its storage is the same. */
  static GovernedNodes read(CryptoSuite suite, StateDatabase states, Hash stateRoot, GovernedNodes known) {
    Hash root = states.account(stateRoot, Governance.ADDRESS).map(StateAccount::storageRoot)
        .orElse(states.emptyRoot());
    if (known != null && known.storageRoot.equals(root)) {
      return known;
    }
    return new GovernedNodes(root, GovernanceState.of(suite, states.stateAt(stateRoot)).nodes());
  }

  List<GovernanceRecords.Node> nodes() {
    return nodes;
  }
}
