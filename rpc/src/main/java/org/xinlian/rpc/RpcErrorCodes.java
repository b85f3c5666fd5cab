package org.xinlian.rpc;

/**
 * The error codes of JSON-RPC 2.0 and EIP-1474, in one place, so that every layer answers a given
 * failure with the same code that ethers.js, web3j and Hardhat interpret.
 */
public final class RpcErrorCodes {
  /** Invalid JSON was received (JSON-RPC 2.0). */
  public static final int PARSE_ERROR = -32700;
  /** The JSON sent is not a valid request object (JSON-RPC 2.0). */
  public static final int INVALID_REQUEST = -32600;
  /** The method does not exist or is not available (JSON-RPC 2.0). */
  public static final int METHOD_NOT_FOUND = -32601;
  /** Invalid method parameters (JSON-RPC 2.0). */
  public static final int INVALID_PARAMS = -32602;
  /** Internal JSON-RPC error (JSON-RPC 2.0). */
  public static final int INTERNAL_ERROR = -32603;
  /** Invalid input: missing or invalid parameters; used for rejected transactions (EIP-1474). */
  public static final int INVALID_INPUT = -32000;
  /** Requested resource not found (EIP-1474). */
  public static final int RESOURCE_NOT_FOUND = -32001;
  /** Requested resource not available (EIP-1474). */
  public static final int RESOURCE_UNAVAILABLE = -32002;
  /** Transaction creation failed (EIP-1474). */
  public static final int TRANSACTION_REJECTED = -32003;
  /** Method is not implemented (EIP-1474). */
  public static final int METHOD_NOT_SUPPORTED = -32004;
  /** Request exceeds a defined limit (EIP-1474). */
  public static final int LIMIT_EXCEEDED = -32005;
  /** Execution reverted; data carries the revert bytes (geth convention that ethers.js decodes). */
  public static final int EXECUTION_REVERTED = 3;

  private RpcErrorCodes() {}
}
