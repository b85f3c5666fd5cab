package org.xinlian.sdk;

import java.time.Duration;
import org.xinlian.common.Hash;

/**
 * No receipt appeared within the wait. The transaction may still be mined later; the hash lets
 * the caller keep looking instead of sending it twice.
 */
public final class ReceiptTimeoutException extends XinlianClientException {
  private static final long serialVersionUID = 1L;
  private final transient Hash transactionHash;

  public ReceiptTimeoutException(Hash transactionHash, Duration timeout) {
    super("no receipt for " + transactionHash + " within " + timeout);
    this.transactionHash = transactionHash;
  }

  public Hash transactionHash() {
    return transactionHash;
  }
}
