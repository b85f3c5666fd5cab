package org.xinlian.execution.governance;

import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.governance.GovernanceRecords.Account;

/**
 * The rules of a permissioned chain (GOV-8, GOV-9, GOV-11, GOV-12), read from governance state:
 * senders must be admitted and normal, creators must be operators, and frozen or abolished
 * contracts refuse transactions' messages.
 */
public final class GovernanceAccessPolicy implements AccessPolicy {
  private final CryptoSuite suite;

  public GovernanceAccessPolicy(CryptoSuite suite) {
    this.suite = suite;
  }

  @Override
  public Optional<String> refuseSender(WorldState state, Address sender, boolean creates) {
    Account account = tables(state).account(sender);
    if (account.status() == AccountStatus.FROZEN) {
      return Optional.of("sender " + sender + " is frozen");
    }
    if (account.status() == AccountStatus.ABOLISHED) {
      return Optional.of("sender " + sender + " is abolished");
    }
    if (!account.admitted()) {
      return Optional.of("sender " + sender + " is not admitted");
    }
    if (creates && !account.holds(Role.OPERATOR)) {
      return Optional.of("sender " + sender + " may not deploy contracts (it lacks the operator role)");
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> refuseCreate(WorldState state, Address creator) {
    Account account = tables(state).account(creator);
    if (!account.holds(Role.OPERATOR) || account.status() != AccountStatus.NORMAL) {
      return Optional.of("creator " + creator + " may not deploy contracts (it lacks the operator role)");
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> refuseMessage(WorldState state, Address contract) {
    return switch (tables(state).status(contract)) {
      case FROZEN -> Optional.of("contract " + contract + " is frozen");
      case ABOLISHED -> Optional.of("contract " + contract + " is abolished");
      case NORMAL -> Optional.empty();
    };
  }

  private GovernanceTables tables(WorldState state) {
    return new GovernanceTables(GovernanceStorage.reading(suite, state));
  }
}
