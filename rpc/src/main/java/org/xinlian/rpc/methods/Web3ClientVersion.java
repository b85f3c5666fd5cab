package org.xinlian.rpc.methods;

import java.util.Locale;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;

/**
 * {@code web3_clientVersion}: name/version/platform/runtime, in the shape geth uses, followed by
 * {@code /dev} on an open development chain (docs/spec/governance.md GOV-1), so an operator or a
 * tool sees at once that anyone may transact and deploy there.
 */
public final class Web3ClientVersion implements RpcMethod {
  public static final String CLIENT_NAME = "Xinlian";
  public static final String CLIENT_VERSION = "v0.1.0";
  /** The last segment of the version of a chain without governance. */
  public static final String DEV_SUFFIX = "/dev";

  private final String version;

  /** @param permissioned whether the chain has governance; without it the version ends with /dev */
  public Web3ClientVersion(boolean permissioned) {
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-');
    String arch = System.getProperty("os.arch", "unknown");
    version =
        CLIENT_NAME + "/" + CLIENT_VERSION + "/" + os + "-" + arch + "/java"
            + Runtime.version().feature() + (permissioned ? "" : DEV_SUFFIX);
  }

  @Override
  public String name() {
    return "web3_clientVersion";
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 0);
    return version;
  }
}
