package org.xinlian.execution.pool;

import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoException;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionValidity;
import org.xinlian.types.transaction.TransactionValidityRules;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * The admission checks that need no pool state: size, decoding, Ethereum's stateless rules, the
 * signature (the expensive part, done once here and never again) and the fee floor. The gas
 * limits are the head's, which a vote may change (GOV-15), so {@link GasLimits} checks them with
 * the stateful checks. Thread-safe and lock-free, so batches run it in parallel.
 */
final class StatelessAdmission {
  /** Either a verified transaction or why it was refused. */
  record Outcome(VerifiedTransaction verified, AdmissionResult refusal) {}

  private final PoolConfig config;
  private final TransactionCodec codec;
  private final TransactionValidityRules rules;

  StatelessAdmission(PoolConfig config) {
    this.config = config;
    this.codec = TransactionCodec.of(config.suite());
    this.rules = new TransactionValidityRules(config.chainId(), config.unprotectedAllowed());
  }

  TransactionCodec codec() {
    return codec;
  }

  Outcome check(byte[] raw) {
    if (raw.length > TransactionCodec.TRANSACTION_BYTES_MAX) {
      return refused(Refusal.OVERSIZED, Optional.empty(),
          raw.length + " bytes, limit " + TransactionCodec.TRANSACTION_BYTES_MAX);
    }
    Transaction transaction;
    try {
      transaction = codec.decode(raw);
    } catch (DecodingException e) {
      return refused(Refusal.MALFORMED, Optional.empty(), e.getMessage());
    }
    return checkDecoded(transaction, raw);
  }

  Outcome check(Transaction transaction) {
    byte[] encoded;
    try {
      encoded = codec.encode(transaction);
    } catch (IllegalArgumentException e) {
      // A signature of the other suite's shape cannot be carried by this chain's envelope.
      return refused(Refusal.INVALID_SENDER, Optional.empty(), e.getMessage());
    }
    if (encoded.length > TransactionCodec.TRANSACTION_BYTES_MAX) {
      return refused(Refusal.OVERSIZED, Optional.empty(),
          encoded.length + " bytes, limit " + TransactionCodec.TRANSACTION_BYTES_MAX);
    }
    return checkDecoded(transaction, encoded);
  }

  private Outcome checkDecoded(Transaction transaction, byte[] encoded) {
    Hash hash = config.suite().hashOf(encoded);
    Optional<Hash> known = Optional.of(hash);
    TransactionValidity validity = rules.check(transaction);
    if (!validity.isValid()) {
      return refused(refusalFor(validity.reason()), known, validity.detail());
    }
    Address sender;
    try {
      sender = codec.sender(transaction);
    } catch (CryptoException | IllegalArgumentException e) {
      return refused(Refusal.INVALID_SENDER, known, e.getMessage());
    }
    if (transaction.maxPriorityFeePerGas().compareTo(config.minimumPriorityFeePerGas()) < 0) {
      return refused(Refusal.UNDERPRICED, known,
          "priority fee " + transaction.maxPriorityFeePerGas() + " wei, minimum "
              + config.minimumPriorityFeePerGas() + " wei");
    }
    return new Outcome(new VerifiedTransaction(transaction, hash, sender, encoded.length), null);
  }

  private static Refusal refusalFor(TransactionValidity.Reason reason) {
    return switch (reason) {
      case UNPROTECTED_NOT_ALLOWED -> Refusal.UNPROTECTED;
      case WRONG_CHAIN_ID -> Refusal.WRONG_CHAIN_ID;
      case NONCE_TOO_BIG -> Refusal.NONCE_MAX;
      case INIT_CODE_TOO_LARGE -> Refusal.INIT_CODE_TOO_LARGE;
      case INTRINSIC_GAS_TOO_LOW -> Refusal.INTRINSIC_GAS_TOO_LOW;
      case PRIORITY_FEE_ABOVE_MAX_FEE -> Refusal.TIP_ABOVE_FEE_CAP;
      // No balance covers a cost beyond 2^256; geth reports the same error for it.
      case GAS_COST_OVERFLOW -> Refusal.INSUFFICIENT_FUNDS;
      case VALID -> throw new IllegalStateException("valid is not a refusal");
    };
  }

  private static Outcome refused(Refusal refusal, Optional<Hash> hash, String detail) {
    return new Outcome(null, AdmissionResult.refused(refusal, hash, detail));
  }
}
