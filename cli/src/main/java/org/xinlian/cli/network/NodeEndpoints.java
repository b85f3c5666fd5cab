package org.xinlian.cli.network;

import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.xinlian.common.DecodingException;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.consensus.P2pConfig;

/**
 * Where one node of a network listens, read from its config.json with the node's own strict
 * reader (NODE-1), so a configuration the node would refuse is reported before anything starts.
 * An operator may have edited the ports since {@code network init}; they are taken from the file.
 *
 * @param index the node's number in the network
 * @param rpcHost the JSON-RPC interface
 * @param rpcPort the JSON-RPC port
 * @param p2pHost the P2P interface, when the node has a {@code p2p} section
 * @param p2pPort the P2P port, when the node has a {@code p2p} section
 */
public record NodeEndpoints(int index, String rpcHost, int rpcPort, String p2pHost, OptionalInt p2pPort) {
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
  static NodeEndpoints read(int index, Path configFile) {
    NodeConfig config = NodeConfig.load(configFile);
    if (config.rpc().port() == 0) {
      throw new DecodingException("rpc.port", configFile + ": a network node needs a fixed JSON-RPC port, not 0");
    }
    if (config.p2p().isEmpty()) {
      return new NodeEndpoints(index, config.rpc().host(), config.rpc().port(), NetworkSpec.HOST, OptionalInt.empty());
    }
    P2pConfig p2p = config.p2p().get();
    return new NodeEndpoints(index, config.rpc().host(), config.rpc().port(), p2p.host(),
        p2p.port() == 0 ? OptionalInt.empty() : OptionalInt.of(p2p.port()));
  }
}
