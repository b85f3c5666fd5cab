package org.xinlian.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.cli.bench.BenchException;
import org.xinlian.cli.bench.RpcClientOptions;
import org.xinlian.sdk.ClientOptions;
import org.xinlian.sdk.JsonRpcConnection;
import org.xinlian.sdk.XinlianClientException;

/**
 * The few JSON-RPC questions {@code network up} and {@code network status} ask a node, over the
 * SDK's connection with the CLI's token and CA bundle (OPS-93), so a node behind TLS and
 * authentication answers them too. Short timeouts: a node that does not answer within them is
 * reported as not answering, not waited for.
 */
final class NodeRpc {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  /** A JSON-RPC answer to these questions is tiny; anything larger is not a node. */
  private static final int RESPONSE_BYTES_MAX = 64 * 1024;
  private static final String METRICS_PATH = "metrics";
  private static final String VALIDATOR_GAUGE = "xinlian_consensus_validator";
  /** A node's metrics page is tens of kilobytes; the gauge is looked for in the first megabyte. */
  private static final int METRICS_BYTES_MAX = 1024 * 1024;

  private final ClientOptions options;
  /** One connection per node: each holds an HTTP client with its own threads. */
  private final java.util.Map<URI, JsonRpcConnection> connections = new java.util.concurrent.ConcurrentHashMap<>();

  NodeRpc() {
    ClientOptions chosen;
    try {
      chosen = RpcClientOptions.fromProcess(REQUEST_TIMEOUT, RESPONSE_BYTES_MAX);
    } catch (BenchException e) {
      // A broken token or bundle setting must not stop the status of every node: ask without it.
      chosen = new ClientOptions(REQUEST_TIMEOUT, RESPONSE_BYTES_MAX, ClientOptions.POLL_INTERVAL,
          ClientOptions.defaults().waiter());
    }
    this.options = chosen;
  }

  /** The head block number, or empty when the node does not answer eth_blockNumber. */
  OptionalLong blockNumber(URI url) {
    return quantity(url, "eth_blockNumber");
  }

  /**
   * The number of connected peers, or empty when the node does not serve net_peerCount (a node
   * without P2P may not) or does not answer.
   */
  OptionalLong peerCount(URI url) {
    return quantity(url, "net_peerCount");
  }

  /**
   * Whether the node votes at its next height, by its {@code xinlian_consensus_validator} gauge on
   * {@code /metrics} (NODE-14); empty when it serves no such gauge (no consensus) or does not answer.
   */
  Optional<Boolean> validator(URI url) {
    try {
      return connection(url).get(METRICS_PATH, METRICS_BYTES_MAX)
          .flatMap(text -> text.lines().filter(line -> line.startsWith(VALIDATOR_GAUGE + " ")).findFirst())
          .map(line -> Double.parseDouble(line.substring(VALIDATOR_GAUGE.length() + 1).strip()) >= 1);
    } catch (XinlianClientException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private JsonRpcConnection connection(URI url) {
    return connections.computeIfAbsent(url, node -> JsonRpcConnection.open(node, options));
  }

  private OptionalLong quantity(URI url, String method) {
    try {
      JsonNode result = connection(url).request(method);
      if (result == null || !result.isTextual() || !result.asText().matches("0x[0-9a-fA-F]{1,16}")) {
        return OptionalLong.empty();
      }
      BigInteger value = new BigInteger(result.asText().substring(2), 16);
      return value.bitLength() < Long.SIZE ? OptionalLong.of(value.longValue()) : OptionalLong.empty();
    } catch (XinlianClientException | IllegalArgumentException e) {
      // XinlianClientException: unreachable, HTTP error or JSON-RPC error; IllegalArgumentException:
      // an answer that does not decode. Either way the node does not answer this question.
      return OptionalLong.empty();
    }
  }
}
