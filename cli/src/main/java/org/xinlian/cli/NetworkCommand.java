package org.xinlian.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.cli.network.NetworkControl;
import org.xinlian.cli.network.NetworkException;
import org.xinlian.cli.network.NetworkLayout;
import org.xinlian.cli.network.NodeLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xinlian network}: a local consortium network of node processes on 127.0.0.1. */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = {
      "A local network of validator and observer nodes, each its own process on 127.0.0.1 with a log "
          + "in its directory: 'init' creates it, 'up' starts the nodes that are not running, 'down' stops "
          + "them, 'status' shows them; 'start' does init (when DIR holds no network) and up; 'add-node' "
          + "adds one."
    },
    subcommands = {
      NetworkInitCommand.class, NetworkCommand.Up.class, NetworkCommand.Down.class,
      NetworkCommand.Status.class, NetworkStartCommand.class, NetworkAddNodeCommand.class
    })
final class NetworkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs a control action, turning its failures into one {@code error:} line and exit code 1. */
  interface Action {
    void run() throws IOException;
  }

  static int control(Action action) throws IOException {
    try {
      action.run();
    } catch (NetworkException e) {
      throw new UserException(e.getMessage());
    }
    return 0;
  }

  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = {
        "Start every node of DIR that is not running (so it also restarts a killed node), each as a "
            + "separate process (java -jar <this jar> node --config DIR/node<i>/config.json) with its "
            + "output appended to DIR/node<i>/node.log and its pid in DIR/node<i>/node.pid, and wait "
            + "until each answers eth_blockNumber."
      })
  static final class Up implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network directory.")
    Path directory;

    @Option(names = "--node", paramLabel = "I", description = "Only node I (repeatable; default: every node).")
    List<Integer> nodes = new ArrayList<>();

    @Mixin
    NodeStartOptions start = new NodeStartOptions();

    Up(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
      return up(environment, directory, nodes, start.timeoutSeconds, start.jvmOptions);
    }
  }

  static int up(CliEnvironment environment, Path directory, List<Integer> nodes, long timeoutSeconds,
      List<String> jvmOptions) throws IOException {
    if (timeoutSeconds < 1 || timeoutSeconds > START_TIMEOUT_SECONDS_MAX) {
      throw new UserException("--timeout: must be 1 to " + START_TIMEOUT_SECONDS_MAX + ", got " + timeoutSeconds);
    }
    NodeLauncher launcher = NodeLauncher.ofRunningCli(Main.class, jvmOptions);
    NetworkLayout layout = new NetworkLayout(environment.resolve(directory));
    return control(() -> new NetworkControl(layout, environment.clock(), environment.out())
        .up(launcher, new LinkedHashSet<>(nodes), Duration.ofSeconds(timeoutSeconds)));
  }

  /** An hour: a start that takes longer is stuck, not slow. */
  static final long START_TIMEOUT_SECONDS_MAX = 3_600;

  @Command(
      name = "down",
      mixinStandardHelpOptions = true,
      description = {
        "Stop the running nodes of DIR: SIGTERM (the node closes cleanly), then SIGKILL after "
            + NetworkControl.STOP_WAIT_SECONDS + " s; pid files, stale ones included, are removed."
      })
  static final class Down implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network directory.")
    Path directory;

    @Option(names = "--node", paramLabel = "I", description = "Only node I (repeatable; default: every node).")
    List<Integer> nodes = new ArrayList<>();

    Down(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
      NetworkLayout layout = new NetworkLayout(environment.resolve(directory));
      return control(() -> new NetworkControl(layout, environment.clock(), environment.out())
          .down(new LinkedHashSet<>(nodes)));
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "One line per node of DIR: running (its pid file names a live process running this node's "
            + "config) or stopped, the pid, the JSON-RPC URL, and the height and peer count the node reports."
      })
  static final class Status implements Callable<Integer> {
    private final CliEnvironment environment;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network directory.")
    Path directory;

    Status(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
      NetworkLayout layout = new NetworkLayout(environment.resolve(directory));
      return control(() -> new NetworkControl(layout, environment.clock(), environment.out()).status());
    }
  }
}
