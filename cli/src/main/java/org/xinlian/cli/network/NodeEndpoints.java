package org.xinlian.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.xinlian.common.DecodingException;
import org.xinlian.node.NodeConfig;
import org.xinlian.rpc.RpcServerConfig;

/**
 * Where one node of a network listens, read from its config.json. Only the addresses are read
 * here: the node itself checks the whole file when it starts, and an operator may have edited the
 * ports since {@code network init}.
 *
 * @param index the node's number in the network
 * @param rpcHost the JSON-RPC interface
 * @param rpcPort the JSON-RPC port
 * @param p2pHost the P2P interface, when the node has a {@code p2p} section
 * @param p2pPort the P2P port, when the node has a {@code p2p} section
 */
public record NodeEndpoints(int index, String rpcHost, int rpcPort, String p2pHost, OptionalInt p2pPort) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The interface a node binding all interfaces is reached on from this machine. */
  private static final String ANY_INTERFACE = "0.0.0.0";

  /** The JSON-RPC URL a client on this machine uses, as users write it (no trailing slash). */
  public String rpcUrlText() {
    String host = rpcHost.equals(ANY_INTERFACE) ? NetworkSpec.HOST : rpcHost;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + rpcPort;
  }

  /** {@link #rpcUrlText} as the URI requests go to. */
  URI rpcUrl() {
    return URI.create(rpcUrlText() + "/");
  }

  /** Reads the addresses of node {@code index} from {@code configFile}. */
  static NodeEndpoints read(int index, Path configFile) throws IOException {
    if (Files.size(configFile) > NodeConfig.CONFIG_FILE_BYTES_MAX) {
      throw new DecodingException("config", configFile + " is above the limit of "
          + NodeConfig.CONFIG_FILE_BYTES_MAX + " bytes");
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(configFile)) {
      root = JSON.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DecodingException("config", configFile + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("config", configFile + " must hold a JSON object");
    }
    JsonNode rpc = root.path("rpc");
    String rpcHost = text(rpc.get("host"), "rpc.host", RpcServerConfig.HOST_DEFAULT);
    int rpcPort = port(rpc.get("port"), "rpc.port", RpcServerConfig.PORT_DEFAULT);
    JsonNode p2p = root.get("p2p");
    if (p2p == null || !p2p.isObject()) {
      return new NodeEndpoints(index, rpcHost, rpcPort, NetworkSpec.HOST, OptionalInt.empty());
    }
    return new NodeEndpoints(index, rpcHost, rpcPort, text(p2p.get("host"), "p2p.host", NetworkSpec.HOST),
        OptionalInt.of(port(p2p.get("port"), "p2p.port", -1)));
  }

  private static String text(JsonNode value, String field, String absent) {
    if (value == null) {
      return absent;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new DecodingException(field, "must be a non-empty string");
    }
    return value.asText();
  }

  private static int port(JsonNode value, String field, int absent) {
    if (value == null && absent >= 0) {
      return absent;
    }
    if (value == null || !value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 65_535) {
      throw new DecodingException(field, "must be a port number 1 to 65535");
    }
    return value.asInt();
  }
}
