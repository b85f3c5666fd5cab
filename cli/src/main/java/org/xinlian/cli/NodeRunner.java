package org.xinlian.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.xinlian.node.Node;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.NodeStartException;

/**
 * Runs a node in the foreground until the process is asked to stop (Ctrl-C, SIGTERM: the shutdown
 * hook closes the node cleanly) or the command's thread is interrupted (tests).
 */
final class NodeRunner {
  private NodeRunner() {}

  interface Banner {
    void print(Node node, PrintStream out);
  }

  static int run(CliEnvironment environment, NodeConfig config, Banner banner) {
    Node node;
    try {
      node = Node.start(config, environment.clock());
    } catch (NodeStartException e) {
      throw new UserException(e.getMessage());
    }
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      node.close();
      closed.countDown();
    }, "xinlian-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      banner.print(node, environment.out());
      environment.out().println("Listening on " + node.rpcAddress().getHostString() + ":"
          + node.rpcAddress().getPort());
      environment.out().flush();
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running and closes the node itself.
      }
      node.close();
    }
    return 0;
  }
}
