package org.xinlian.rpc.methods;

import java.util.Locale;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;

/** {@code web3_clientVersion}: name/version/platform/runtime, in the shape geth uses. */
public final class Web3ClientVersion implements RpcMethod {
  public static final String CLIENT_NAME = "Xinlian";
  public static final String CLIENT_VERSION = "v0.1.0";

  private final String version;

  public Web3ClientVersion() {
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-');
    String arch = System.getProperty("os.arch", "unknown");
    version =
        CLIENT_NAME + "/" + CLIENT_VERSION + "/" + os + "-" + arch + "/java"
            + Runtime.version().feature();
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
