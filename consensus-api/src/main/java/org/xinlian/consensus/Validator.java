package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Address;

/**
 * One validator: the address of its consensus key (the suite's address of the public key that
 * signs its votes) and its voting power.
 *
 * @param address the address votes are recovered to (secp256k1) or whose embedded key they carry (SM2)
 * @param votingPower at least 1 and at most {@link ValidatorSet#VOTING_POWER_MAX}
 */
public record Validator(Address address, long votingPower) {
  public Validator {
    Objects.requireNonNull(address, "validator.address");
    if (votingPower < 1 || votingPower > ValidatorSet.VOTING_POWER_MAX) {
      throw new IllegalArgumentException(
          "validator.votingPower: must be in [1, " + ValidatorSet.VOTING_POWER_MAX + "], got "
              + votingPower);
    }
  }
}
