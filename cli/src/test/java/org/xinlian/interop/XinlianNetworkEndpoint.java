package org.xinlian.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.xinlian.cli.Main;

/**
 * The README's network: four validator processes made by {@code xinlian network init} and run by
 * {@code xinlian network up}, BFT consensus over P2P, the development accounts funded. Clients
 * talk to node 0 (HTTP and WebSocket); blocks are final only once a quorum of the four agrees.
 */
final class XinlianNetworkEndpoint implements EthereumEndpoint {
  private static final int NODES = 4;
  private static final int PORT_SEARCH_ATTEMPTS = 200;

  private final Path directory;
  private final int rpcPort;

  private XinlianNetworkEndpoint(Path directory, int rpcPort) {
    this.directory = directory;
    this.rpcPort = rpcPort;
  }

  static XinlianNetworkEndpoint start() {
    try {
      Path directory = Files.createTempDirectory("xinlian-network-interop");
      int rpc = freeRange(-1);
      int p2p = freeRange(rpc);
      cli("network", "init", "--nodes", String.valueOf(NODES), "--dir", directory.resolve("net").toString(),
          "--rpc-base-port", String.valueOf(rpc), "--p2p-base-port", String.valueOf(p2p));
      XinlianNetworkEndpoint endpoint = new XinlianNetworkEndpoint(directory, rpc);
      try {
        cli("network", "up", "--dir", directory.resolve("net").toString(), "--timeout", "120",
            "--jvm-option", "-Xmx384m", "--jvm-option", "-XX:+UseSerialGC");
      } catch (RuntimeException e) {
        endpoint.close();
        throw e;
      }
      return endpoint;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    if (exitCode != 0) {
      throw new IllegalStateException("xinlian " + String.join(" ", args) + " exited with " + exitCode + ": "
          + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freeRange(int avoid) throws IOException {
    for (int attempt = 0; attempt < PORT_SEARCH_ATTEMPTS; attempt++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(30_000);
      boolean overlaps = avoid >= 0 && base < avoid + NODES && avoid < base + NODES;
      boolean free = !overlaps;
      for (int port = base; free && port < base + NODES; port++) {
        try (ServerSocket socket = new ServerSocket()) {
          socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no " + NODES + " consecutive free ports");
  }

  @Override
  public String name() {
    return "xinlian network (4 BFT validators)";
  }

  @Override
  public String rpcUrl() {
    return "http://127.0.0.1:" + rpcPort;
  }

  @Override
  public String wsUrl() {
    return "ws://127.0.0.1:" + rpcPort;
  }

  @Override
  public void close() {
    cli("network", "down", "--dir", directory.resolve("net").toString());
    try (Stream<Path> paths = Files.walk(directory)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }
}
