package org.xinlian.sdk;

import java.util.Optional;

/**
 * The node answered with a JSON-RPC error object (EIP-1474 codes: -32602 invalid params, -32000
 * invalid input, 3 execution reverted...). The code is kept so that callers can branch on it
 * without parsing the message.
 */
public class RpcError extends XinlianClientException {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final String rpcMessage;
  private final String data;

  /**
   * @param data the error's {@code data} member as JSON text (a hex string stays a bare string),
   *     or null when there was none
   */
  public RpcError(String method, int code, String rpcMessage, String data) {
    super(method + ": " + rpcMessage + " (code " + code + ")");
    this.code = code;
    this.rpcMessage = rpcMessage;
    this.data = data;
  }

  public int code() {
    return code;
  }

  /** The message exactly as the node wrote it. */
  public String rpcMessage() {
    return rpcMessage;
  }

  public Optional<String> data() {
    return Optional.ofNullable(data);
  }
}
