package org.xinlian.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.xinlian.sdk.ClientOptions;
import org.xinlian.sdk.RpcTls;

/**
 * How every command of the CLI reaches a node (docs/spec/operations.md OPS-93): through the SDK's
 * {@link org.xinlian.sdk.JsonRpcConnection}, with a bearer token from {@code XINLIAN_RPC_TOKEN} and
 * the CA bundle an {@code https} node's certificate chains to from {@code XINLIAN_RPC_CA} (for
 * example {@code ca/transport-ca.pem}), so one setting serves {@code gov}, {@code validators},
 * {@code admin}, {@code bench} and {@code network status} alike, and no token appears in a
 * command line (where {@code ps} shows it).
 */
public final class RpcClientOptions {
  public static final String TOKEN_VARIABLE = "XINLIAN_RPC_TOKEN";
  public static final String CA_VARIABLE = "XINLIAN_RPC_CA";

  private RpcClientOptions() {}

  /** The options {@code environment} names, with {@code requestTimeout} and {@code responseBytesMax}. */
  public static ClientOptions from(Map<String, String> environment, Duration requestTimeout, int responseBytesMax) {
    ClientOptions options = new ClientOptions(requestTimeout, responseBytesMax, ClientOptions.POLL_INTERVAL,
        ClientOptions.defaults().waiter());
    String token = environment.get(TOKEN_VARIABLE);
    if (token != null && !token.isBlank()) {
      try {
        options = options.withBearerToken(token.strip());
      } catch (IllegalArgumentException e) {
        throw new BenchException(TOKEN_VARIABLE + ": " + e.getMessage());
      }
    }
    String ca = environment.get(CA_VARIABLE);
    if (ca != null && !ca.isBlank()) {
      try {
        options = options.withTls(RpcTls.trusting(Path.of(ca.strip())));
      } catch (RuntimeException e) {
        throw new BenchException(CA_VARIABLE + ": " + e.getMessage());
      }
    }
    return options;
  }

  /** {@link #from} on this process's environment. */
  public static ClientOptions fromProcess(Duration requestTimeout, int responseBytesMax) {
    return from(System.getenv(), requestTimeout, responseBytesMax);
  }
}
