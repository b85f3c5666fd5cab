package org.xinlian.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The few JSON-RPC questions {@code network up} and {@code network status} ask a node. Short
 * timeouts: a node that does not answer within them is reported as not answering, not waited for.
 */
final class NodeRpc {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  /** A JSON-RPC answer to these questions is tiny; anything larger is not a node. */
  private static final int RESPONSE_BYTES_MAX = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String METRICS_PATH = "metrics";
  private static final String VALIDATOR_GAUGE = "xinlian_consensus_validator";
  /** A node's metrics page is tens of kilobytes; the gauge is looked for in the first megabyte. */
  private static final int METRICS_BYTES_MAX = 1024 * 1024;

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(REQUEST_TIMEOUT)
      .build();

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
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url.resolve(METRICS_PATH))
          .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          return Optional.empty();
        }
        String text = new String(body.readNBytes(METRICS_BYTES_MAX), StandardCharsets.UTF_8);
        return text.lines().filter(line -> line.startsWith(VALIDATOR_GAUGE + " ")).findFirst()
            .map(line -> Double.parseDouble(line.substring(VALIDATOR_GAUGE.length() + 1).strip()) >= 1);
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private OptionalLong quantity(URI url, String method) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    request.putArray("params");
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url)
          .timeout(REQUEST_TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length > RESPONSE_BYTES_MAX) {
        return OptionalLong.empty();
      }
      JsonNode result = JSON.readTree(response.body()).get("result");
      if (result == null || !result.isTextual() || !result.asText().matches("0x[0-9a-fA-F]{1,16}")) {
        return OptionalLong.empty();
      }
      BigInteger value = new BigInteger(result.asText().substring(2), 16);
      return value.bitLength() < Long.SIZE ? OptionalLong.of(value.longValue()) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }
}
