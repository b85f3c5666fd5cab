package org.xinlian.rpc;

/**
 * One JSON-RPC method, one class: its name, the permission it needs and its execution. Keeping each
 * method in its own class keeps parameter checks next to the logic and makes the set of exposed
 * methods an explicit list (see ADR 0006).
 *
 * <p>{@link #execute} runs on the server's worker pool, never on a network thread, so it may block
 * on the ledger. It returns any value Jackson can serialise (a {@code JsonNode}, a String, a
 * Boolean, a record, or null for JSON null) and reports a failure by throwing {@link RpcException};
 * a {@link org.xinlian.common.DecodingException} becomes {@code -32602 invalid params}.
 */
public interface RpcMethod {
  /** The wire name, for example {@code eth_chainId}. */
  String name();

  /** Who may call it; non-PUBLIC methods are hidden unless enabled in the configuration. */
  default RpcPermission permission() {
    return RpcPermission.PUBLIC;
  }

  Object execute(RpcParams params);

  /**
   * Executes on behalf of {@code call}'s client. The server always calls this form; methods that
   * run long or keep state per client override it, and answer {@link #execute(RpcParams)} as an
   * unbounded call of {@link RpcClient#LOCAL}.
   */
  default Object execute(RpcParams params, RpcCall call) {
    return execute(params);
  }

  /**
   * Whether the method may run long (an EVM call, a log query, a proof): heavy methods run on
   * their own workers under the wall-time cap, so cheap ones stay answered while they run
   * (RPC-24). Debug traces, when added, are heavy.
   */
  default boolean heavy() {
    return false;
  }
}
