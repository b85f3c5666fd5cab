package org.xinlian.sdk;

import java.util.Optional;
import org.xinlian.common.Hex;
import org.xinlian.sdk.abi.Abi;

/**
 * A call or gas estimate reverted (JSON-RPC code 3). Carries the raw revert data, which custom
 * errors need, and the {@code Error(string)} reason decoded here from that data rather than taken
 * from the node's message, so the reason is what the contract said.
 */
public final class ContractRevertedException extends RpcError {
  private static final long serialVersionUID = 1L;
  /** EIP-1474's code for "execution reverted". */
  public static final int CODE = 3;
  private final byte[] revertData;

  public ContractRevertedException(String method, String rpcMessage, byte[] revertData) {
    super(method, CODE, rpcMessage, Hex.encode(revertData));
    this.revertData = revertData.clone();
  }

  public byte[] revertData() {
    return revertData.clone();
  }

  /** The decoded {@code require} message, or empty for custom errors, panics and empty reverts. */
  public Optional<String> reason() {
    return Abi.revertReason(revertData);
  }
}
