package org.xinlian.execution;

import java.util.Objects;
import org.xinlian.common.Hash;

/**
 * A candidate a proposal left out.
 *
 * @param hash the transaction's hash
 * @param reason the rule it broke, starting with the field (for example {@code nonce: expected 3
 *     but got 5}); the pool decides from it whether to keep the transaction for a later block
 */
public record SkippedTransaction(Hash hash, String reason) {
  public SkippedTransaction {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(reason, "reason");
  }
}
