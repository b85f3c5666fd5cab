package org.xinlian.ledger.state;

import org.xinlian.common.Hash;
import org.xinlian.evm.state.AccountSource;

/** A committed state of one {@link StateDatabase}, at a known root; commits start from one. */
interface StateSource extends AccountSource {
  Hash root();

  StateDatabase database();
}
