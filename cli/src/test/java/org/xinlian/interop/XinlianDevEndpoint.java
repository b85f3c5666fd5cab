package org.xinlian.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.xinlian.common.Clock;
import org.xinlian.node.DevChain;
import org.xinlian.node.Node;

/**
 * Xinlian's own dev chain, as {@code xinlian dev} runs it: the dev genesis (chain id 31337, the
 * ten accounts of the public test mnemonic funded), one validator producing a block as soon as
 * transactions are pending, JSON-RPC over HTTP and WebSocket on one ephemeral port.
 */
final class XinlianDevEndpoint implements EthereumEndpoint {
  private final Node node;
  private final Path data;
  private final String host;
  private final int port;

  private XinlianDevEndpoint(Node node, Path data) {
    this.node = node;
    this.data = data;
    InetSocketAddress address = node.rpcAddress();
    this.host = address.getHostString();
    this.port = address.getPort();
  }

  static XinlianDevEndpoint start() {
    try {
      Path data = Files.createTempDirectory("xinlian-dev-interop");
      Clock clock = Clock.system();
      return new XinlianDevEndpoint(Node.start(DevChain.prepare(data, 0, 0, clock), clock), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "xinlian dev";
  }

  @Override
  public String rpcUrl() {
    return "http://" + host + ":" + port;
  }

  @Override
  public String wsUrl() {
    return "ws://" + host + ":" + port;
  }

  @Override
  public void close() {
    node.close();
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + data, e);
    }
  }
}
