package org.xinlian.evm;

import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.evm.state.WorldState;

/**
 * Who may do what on a permissioned chain (docs/spec/governance.md GOV-8, GOV-9, GOV-12): asked by
 * the transaction processor before a transaction runs, by the message processor for every
 * creation and every message, and by the pool. Answers are deterministic in the state given, which
 * is the journaled state of the running transaction, so a role granted earlier in the same block
 * counts. Each refusal is the whole reason, naming the account ({@code sender 0x… is not admitted}).
 */
public interface AccessPolicy {
  /** An open development chain: everyone may do everything. */
  AccessPolicy OPEN = new AccessPolicy() {
    @Override
    public Optional<String> refuseSender(WorldState state, Address sender, boolean creates) {
      return Optional.empty();
    }

    @Override
    public Optional<String> refuseCreate(WorldState state, Address creator) {
      return Optional.empty();
    }

    @Override
    public Optional<String> refuseMessage(WorldState state, Address contract) {
      return Optional.empty();
    }
  };

  /**
   * Why {@code sender} may not send a transaction now, or empty. A refusal makes the transaction
   * invalid: the pool refuses it and a block carrying it is invalid (GOV-8).
   *
   * @param creates whether the transaction creates a contract (it then needs deploy rights)
   */
  Optional<String> refuseSender(WorldState state, Address sender, boolean creates);

  /**
   * Why {@code creator}, the account executing {@code CREATE}/{@code CREATE2} ({@code msg.sender}
   * of the creation), may not create a contract, or empty (GOV-9). A refusal fails the creation.
   */
  Optional<String> refuseCreate(WorldState state, Address creator);

  /**
   * Why a transaction's message to {@code contract} (its recipient or the code it runs) may not
   * run, or empty (GOV-12). A refusal reverts the message with the reason as {@code Error(string)}.
   * Not asked for {@code eth_call}, so frozen contracts stay readable.
   */
  Optional<String> refuseMessage(WorldState state, Address contract);
}
