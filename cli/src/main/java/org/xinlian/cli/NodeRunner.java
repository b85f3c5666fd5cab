package org.xinlian.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.xinlian.node.Node;
import org.xinlian.node.NodeFailure;
import org.xinlian.node.NodeLogging;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.NodeStartException;

/**
 * Runs a node in the foreground until the process is asked to stop (Ctrl-C, SIGTERM: the shutdown
 * hook closes the node cleanly), the node fails stop, or the command's thread is interrupted
 * (tests). A node that failed stop (a full disk, a failed write: docs/spec/node.md NODE-17) keeps
 * reporting it on {@code /health} for {@code health.failStopExitDelayMs}, then closes and ends
 * the command with {@link NodeFailure#exitStatus()}, so a supervisor restarts it.
 */
final class NodeRunner {
  private NodeRunner() {}

  interface Banner {
    void print(Node node, PrintStream out);
  }

  static int run(CliEnvironment environment, NodeConfig config, Banner banner) {
    try {
      NodeLogging.install(config.logging());
    } catch (java.io.UncheckedIOException e) {
      throw new UserException(e.getMessage());
    }
    Node node;
    try {
      node = Node.start(config, environment.clock());
    } catch (NodeStartException e) {
      throw new UserException(e.getMessage());
    }
    CountDownLatch ended = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      node.close();
      ended.countDown();
    }, "xinlian-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    node.onFailure(ended::countDown);
    try {
      banner.print(node, environment.out());
      environment.out().println("Listening on " + node.rpcAddress().getHostString() + ":"
          + node.rpcAddress().getPort());
      environment.out().flush();
      ended.await();
      Optional<NodeFailure> failure = node.failure();
      if (failure.isPresent()) {
        environment.err().println("xinlian: node stopped: " + failure.get().summary()
            + "; exiting with status " + failure.get().exitStatus());
        environment.err().flush();
        Thread.sleep(config.health().failStopExitDelayMs());
        return failure.get().exitStatus();
      }
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
