package org.xinlian.execution;

import java.util.Objects;

/**
 * The outcome of {@link ExecutionPort#estimateGas}.
 *
 * @param gasLimit the smallest gas limit with which the message succeeds; when it fails even at
 *     the block gas limit, that limit
 * @param result the call at {@code gasLimit}: a success, or the failure to report (revert data
 *     included)
 */
public record GasEstimate(long gasLimit, CallResult result) {
  public GasEstimate {
    Objects.requireNonNull(result, "result");
  }

  public boolean succeeded() {
    return result.succeeded();
  }
}
