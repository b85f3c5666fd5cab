package org.xinlian.rpc;

import org.xinlian.common.Hex;

/**
 * A failure that becomes a JSON-RPC error object. Methods throw it with a code from
 * {@link RpcErrorCodes} and a message a user can act on; anything else thrown by a method becomes
 * {@code -32603 internal error} without details, so internals never leak to callers.
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient Object data;

  /** An error with optional {@code data} (serialised by Jackson; null leaves it out). */
  public RpcException(int code, String message, Object data) {
    super(message);
    this.code = code;
    this.data = data;
  }

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public int code() {
    return code;
  }

  /** The {@code data} member of the error object, or null. */
  public Object data() {
    return data;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(RpcErrorCodes.INVALID_PARAMS, message);
  }

  public static RpcException limitExceeded(String message) {
    return new RpcException(RpcErrorCodes.LIMIT_EXCEEDED, message);
  }

  /** A rejected transaction (pool admission), code -32000 as geth answers, so tools show the reason. */
  public static RpcException transactionRejected(String reason) {
    return new RpcException(RpcErrorCodes.INVALID_INPUT, reason);
  }

  /**
   * A reverted call: code 3, {@code data} the revert bytes in hex, and the message "execution
   * reverted" followed by the decoded reason when the data is a Solidity {@code Error(string)} or
   * {@code Panic(uint256)}, the shape ethers.js and web3j parse.
   */
  public static RpcException executionReverted(byte[] revertData) {
    String reason = RevertReason.decode(revertData).map(r -> ": " + r).orElse("");
    return new RpcException(
        RpcErrorCodes.EXECUTION_REVERTED, "execution reverted" + reason, Hex.encode(revertData));
  }
}
