package org.xinlian.execution.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.precompile.SystemContract;
import org.xinlian.evm.state.WorldState;

/**
 * Checks a {@link ValidatorSetUpdate} against the state and records its epoch (docs/adr/0009,
 * EXECUTION-10). Deterministic in the state, the block number and the message, like everything
 * the EVM runs; every refusal is a revert whose {@code Error(string)} names the failing field.
 */
final class ValidatorGovernanceContract implements SystemContract {
  private final CryptoSuite suite;
  private final long chainId;
  private final Hash genesisHash;
  private final ValidatorHistory genesis;
  private final boolean permissioned;

  ValidatorGovernanceContract(CryptoSuite suite, long chainId, Hash genesisHash, ValidatorHistory genesis,
      boolean permissioned) {
    this.permissioned = permissioned;
    this.suite = suite;
    this.chainId = chainId;
    this.genesisHash = genesisHash;
    this.genesis = genesis;
  }

  @Override
  public Result call(WorldState state, BlockContext block, Message message) {
    if (message.gas() < ValidatorGovernance.CALL_GAS) {
      return Result.outOfGas();
    }
    long price = ValidatorGovernance.CALL_GAS;
    if (permissioned) {
      return refuse(price, "validators change by governance proposal on this chain (ADD_VALIDATOR, REMOVE_NODE at "
          + Governance.ADDRESS + ")");
    }
    if (message.kind() != MessageKind.CALL || message.isStatic()
        || !message.recipient().equals(ValidatorGovernance.ADDRESS)) {
      return refuse(price, "call: the validator set changes only by a plain CALL (got "
          + (message.isStatic() ? "a static " : "") + message.kind() + ")");
    }
    if (!message.value().isZero()) {
      return refuse(price, "value: the validator governance contract accepts no value");
    }
    ValidatorSetUpdate update;
    try {
      update = ValidatorSetUpdate.decode(message.input(), suite);
    } catch (DecodingException e) {
      return refuse(price, e.getMessage());
    }
    price = ValidatorGovernance.gas(update);
    if (message.gas() < price) {
      return Result.outOfGas();
    }
    String problem = check(state, block.number(), update);
    if (problem != null) {
      return refuse(price, problem);
    }
    ValidatorHistory.append(state, update.epoch());
    if (state.nonce(ValidatorGovernance.ADDRESS) == 0) {
      // EIP-161 would delete a touched empty account, and the history with it.
      state.setNonce(ValidatorGovernance.ADDRESS, 1);
    }
    return Result.success(price, new byte[0]);
  }

  /** Null when {@code update} may be recorded in a block at {@code height}, else why not. */
  private String check(WorldState state, long height, ValidatorSetUpdate update) {
    ValidatorEpoch current = ValidatorHistory.latest(state, genesis);
    ValidatorEpoch proposed = update.epoch();
    if (proposed.number() != current.number() + 1) {
      return "epoch: expected " + (current.number() + 1) + " but got " + proposed.number()
          + (proposed.number() <= current.number() ? " (already recorded)" : "");
    }
    // The genesis set governs from height 1, and a call on the genesis state runs at height 0.
    if (current.number() > 0 && current.activationHeight() > height) {
      return "pending: epoch " + current.number() + " takes effect at height " + current.activationHeight()
          + "; a new change waits until then";
    }
    long earliest = height + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN;
    if (proposed.activationHeight() < earliest) {
      return "activationHeight: " + proposed.activationHeight() + " is before " + earliest
          + ", two heights after this block " + height;
    }
    long latest = height + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MAX;
    if (proposed.activationHeight() > latest) {
      return "activationHeight: " + proposed.activationHeight() + " is after " + latest + ", "
          + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MAX + " heights after this block " + height;
    }
    return checkSignatures(current, update);
  }

  private String checkSignatures(ValidatorEpoch current, ValidatorSetUpdate update) {
    Set<Address> validators = new HashSet<>(current.validators());
    byte[] digest = ValidatorSetUpdate.digest(suite, chainId, genesisHash, update.epoch());
    Set<Address> signers = new HashSet<>();
    List<Signature> signatures = update.signatures();
    for (int i = 0; i < signatures.size(); i++) {
      String field = "signatures[" + i + "]";
      Address signer;
      try {
        signer = suite.address(suite.recoverSigner(digest, signatures.get(i)));
      } catch (CryptoException | IllegalArgumentException e) {
        return field + ": not a valid " + suite.name() + " signature over the update of epoch "
            + update.epoch().number();
      }
      if (!validators.contains(signer)) {
        return field + ": " + signer + " is not a validator of epoch " + current.number();
      }
      if (!signers.add(signer)) {
        return field + ": a second signature by " + signer;
      }
    }
    if (3L * signers.size() <= 2L * validators.size()) {
      return "signatures: " + signers.size() + " of the " + validators.size() + " validators of epoch "
          + current.number() + " signed; more than two thirds needs " + (2 * validators.size() / 3 + 1);
    }
    return null;
  }

  private static Result refuse(long gasUsed, String reason) {
    return Result.revert(gasUsed, ValidatorGovernance.errorData(reason));
  }
}
