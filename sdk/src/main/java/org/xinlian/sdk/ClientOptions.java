package org.xinlian.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the client talks to a node. The response bound keeps a misbehaving or hostile endpoint from
 * exhausting the application's memory; the poll interval trades receipt latency for load.
 *
 * @param requestTimeout the longest one HTTP exchange may take
 * @param responseBytesMax the largest response body read; larger answers fail
 * @param pollInterval the pause between receipt polls in {@link XinlianClient#waitForReceipt}
 * @param bearerToken a JSON-RPC token ({@code xinlian rpc token}) sent as {@code Authorization:
 *     Bearer} with every request, for a node whose RPC requires authentication (OPS-14)
 * @param tls the TLS context of {@code https} endpoints, for example {@link RpcTls#trusting}'s,
 *     which trusts the consortium's CA bundle; empty uses the JVM's default trust
 */
public record ClientOptions(Duration requestTimeout, int responseBytesMax, Duration pollInterval, Waiter waiter,
    Optional<String> bearerToken, Optional<SSLContext> tls) {
  /** 30 s: longer than any single call a healthy node needs, short enough to notice a dead one. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** 32 MiB: room for a large eth_getLogs answer, far below a JVM's default heap. */
  public static final int RESPONSE_BYTES_MAX = 32 * 1024 * 1024;
  /** 100 ms: a tenth of the default block interval. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  /** Without a token or a TLS context of its own. */
  public ClientOptions(Duration requestTimeout, int responseBytesMax, Duration pollInterval, Waiter waiter) {
    this(requestTimeout, responseBytesMax, pollInterval, waiter, Optional.empty(), Optional.empty());
  }

  public ClientOptions {
    Objects.requireNonNull(waiter, "waiter");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(tls, "tls");
    bearerToken.ifPresent(token -> {
      if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw new IllegalArgumentException("bearerToken: must be a non-empty token of printable ASCII");
      }
    });
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout: must be positive");
    }
    if (responseBytesMax < 1) {
      throw new IllegalArgumentException("responseBytesMax: must be positive");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval: must be positive");
    }
  }

  public static ClientOptions defaults() {
    return new ClientOptions(REQUEST_TIMEOUT, RESPONSE_BYTES_MAX, POLL_INTERVAL, Waiter.system());
  }

  public ClientOptions withWaiter(Waiter other) {
    return new ClientOptions(requestTimeout, responseBytesMax, pollInterval, other, bearerToken, tls);
  }

  public ClientOptions withResponseBytesMax(int bytes) {
    return new ClientOptions(requestTimeout, bytes, pollInterval, waiter, bearerToken, tls);
  }

  public ClientOptions withBearerToken(String token) {
    return new ClientOptions(requestTimeout, responseBytesMax, pollInterval, waiter, Optional.of(token), tls);
  }

  public ClientOptions withTls(SSLContext context) {
    return new ClientOptions(requestTimeout, responseBytesMax, pollInterval, waiter, bearerToken, Optional.of(context));
  }
}
