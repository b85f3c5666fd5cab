package org.xinlian.cli.network;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.xinlian.common.Clock;

/**
 * {@code network up|down|status}: the nodes of a network directory as separate processes, found
 * and checked through their pid files ({@link NodeProcess}). Every wait is bounded.
 */
public final class NetworkControl {
  /** How long {@code up} waits, by default, for every started node to answer JSON-RPC. */
  public static final long START_WAIT_SECONDS_DEFAULT = 60;
  /**
   * How long {@code down} lets a node close cleanly after SIGTERM (it finishes the block in
   * progress and closes the store) before SIGKILL; a commit is atomic, so even that loses nothing.
   */
  public static final long STOP_WAIT_SECONDS = 30;
  /** How long a process may take to vanish after SIGKILL before the failure is reported. */
  static final long KILL_WAIT_SECONDS = 10;
  private static final long POLL_INTERVAL_NANOS = 200_000_000L;
  /** The end of a log that is read to explain a failed start. */
  private static final int LOG_TAIL_BYTES = 8 * 1024;

  private final NetworkLayout layout;
  private final Clock clock;
  private final PrintStream out;
  private final NodeRpc rpc = new NodeRpc();

  public NetworkControl(NetworkLayout layout, Clock clock, PrintStream out) {
    this.layout = layout;
    this.clock = clock;
    this.out = out;
  }

  /** A node this command started, until it answers. */
  private record Starting(int index, Process process, NodeEndpoints endpoints) {}

  /**
   * Starts every selected node that is not running (all when {@code selected} is empty) and
   * waits until each answers eth_blockNumber, at most {@code startWait} in all.
   */
  public void up(NodeLauncher launcher, Set<Integer> selected, Duration startWait) throws IOException {
    List<Integer> indexes = select(selected);
    List<NodeEndpoints> toStart = new ArrayList<>();
    for (int index : indexes) {
      NodeProcess process = NodeProcess.inspect(layout, index);
      NodeEndpoints endpoints = NodeEndpoints.read(index, layout.configFile(index));
      if (process.running()) {
        out.println(name(index) + " already running (pid " + process.process().orElseThrow().pid() + "), JSON-RPC "
            + endpoints.rpcUrlText());
        continue;
      }
      // Checked before anything starts: a node that cannot bind exits, and until it does another
      // process on its RPC port would answer for it.
      checkFree(endpoints.rpcHost(), endpoints.rpcPort(), "JSON-RPC", index);
      if (endpoints.p2pPort().isPresent()) {
        checkFree(endpoints.p2pHost(), endpoints.p2pPort().getAsInt(), "P2P", index);
      }
      toStart.add(endpoints);
    }
    List<Starting> starting = new ArrayList<>();
    for (NodeEndpoints endpoints : toStart) {
      NodeProcess.inspect(layout, endpoints.index()).removeStalePidFile();
      String startLine = "==== " + Instant.ofEpochMilli(clock.currentTimeMillis())
          + " xinlian network up: starting " + name(endpoints.index()) + " ====";
      starting.add(new Starting(endpoints.index(), launcher.start(layout, endpoints.index(), startLine), endpoints));
    }
    long deadline = clock.nanoTime() + startWait.toNanos();
    List<String> failures = new ArrayList<>();
    for (Starting node : starting) {
      awaitAnswer(node, deadline, startWait).ifPresent(failures::add);
    }
    if (!failures.isEmpty()) {
      throw new NetworkException(String.join("; ", failures));
    }
  }

  /** Empty when the node answered; otherwise why it did not. */
  private Optional<String> awaitAnswer(Starting node, long deadline, Duration startWait)
      throws IOException {
    while (true) {
      OptionalLong height = rpc.blockNumber(node.endpoints().rpcUrl());
      if (height.isPresent()) {
        out.println(name(node.index()) + " started (pid " + node.process().pid() + "), JSON-RPC "
            + node.endpoints().rpcUrlText() + ", block " + height.getAsLong());
        return Optional.empty();
      }
      if (!node.process().isAlive()) {
        Files.deleteIfExists(layout.pidFile(node.index()));
        return Optional.of(name(node.index()) + " exited with code " + node.process().exitValue()
            + " before answering JSON-RPC: '" + lastLogLine(layout.logFile(node.index())) + "' (log: "
            + layout.logFile(node.index()) + ")");
      }
      if (clock.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
        return Optional.of(name(node.index()) + " (pid " + node.process().pid()
            + ") did not answer eth_blockNumber within " + startWait.toSeconds() + " s; it is left running (log: "
            + layout.logFile(node.index()) + ")");
      }
      LockSupport.parkNanos(POLL_INTERVAL_NANOS);
    }
  }

  /**
   * Stops every selected running node (all when {@code selected} is empty): SIGTERM, then SIGKILL
   * after {@link #STOP_WAIT_SECONDS}; removes the pid files, stale ones included.
   */
  public void down(Set<Integer> selected) throws IOException {
    List<NodeProcess> stopping = new ArrayList<>();
    for (int index : select(selected)) {
      NodeProcess process = NodeProcess.inspect(layout, index);
      if (process.running()) {
        process.process().orElseThrow().destroy();
        stopping.add(process);
      } else {
        boolean stale = process.stale();
        process.removeStalePidFile();
        out.println(name(index) + " not running" + (stale ? " (stale pid file removed)" : ""));
      }
    }
    long deadline = clock.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
    List<String> failures = new ArrayList<>();
    for (NodeProcess process : stopping) {
      ProcessHandle handle = process.process().orElseThrow();
      boolean exited = awaitExit(handle, Math.max(0, deadline - clock.nanoTime()));
      String how = "stopped";
      if (!exited) {
        handle.destroyForcibly();
        exited = awaitExit(handle, TimeUnit.SECONDS.toNanos(KILL_WAIT_SECONDS));
        how = "killed (no exit within " + STOP_WAIT_SECONDS + " s of SIGTERM)";
      }
      if (exited) {
        Files.deleteIfExists(process.pidFile());
        out.println(name(process.index()) + " " + how + " (pid " + handle.pid() + ")");
      } else {
        failures.add(name(process.index()) + " (pid " + handle.pid() + ") is still alive after SIGKILL");
      }
    }
    if (!failures.isEmpty()) {
      throw new NetworkException(String.join("; ", failures));
    }
  }

  /**
   * One line per node: running or stopped, pid, JSON-RPC URL, height and peers when it answers,
   * and its role (the running node's own answer, else its role at genesis).
   */
  public void status() throws IOException {
    List<Integer> indexes = layout.nodeIndexes();
    NodeRoles roles = new NodeRoles(layout.genesisFile());
    out.println("network " + layout.directory() + ": " + indexes.size() + " node" + (indexes.size() == 1 ? "" : "s"));
    for (int index : indexes) {
      NodeProcess process = NodeProcess.inspect(layout, index);
      NodeEndpoints endpoints = NodeEndpoints.read(index, layout.configFile(index));
      StringBuilder line = new StringBuilder(name(index));
      Optional<String> role = Optional.empty();
      if (process.running()) {
        line.append("  running  pid ").append(process.process().orElseThrow().pid())
            .append("  ").append(endpoints.rpcUrlText());
        OptionalLong height = rpc.blockNumber(endpoints.rpcUrl());
        if (height.isPresent()) {
          line.append("  height ").append(height.getAsLong());
          rpc.peerCount(endpoints.rpcUrl()).ifPresent(peers -> line.append("  peers ").append(peers));
          role = rpc.validator(endpoints.rpcUrl()).map(NodeRoles::role);
        } else {
          line.append("  not answering JSON-RPC");
        }
      } else {
        line.append("  stopped  ").append(endpoints.rpcUrlText());
        if (process.stale()) {
          line.append("  (stale pid file").append(process.recordedPid().isPresent()
              ? ": process " + process.recordedPid().getAsLong() + " is not running this node" : "").append(')');
        }
      }
      role.or(() -> roles.genesisRole(layout.configFile(index))).ifPresent(known -> line.append("  ").append(known));
      out.println(line);
    }
  }

  private List<Integer> select(Set<Integer> selected) throws IOException {
    List<Integer> all = layout.nodeIndexes();
    for (int index : selected) {
      if (!all.contains(index)) {
        throw new IllegalArgumentException("--node: the network in " + layout.directory() + " has nodes 0 to "
            + (all.size() - 1) + ", got " + index);
      }
    }
    return selected.isEmpty() ? all : all.stream().filter(selected::contains).toList();
  }

  private static boolean awaitExit(ProcessHandle handle, long nanos) {
    try {
      handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return !handle.isAlive();
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  private void checkFree(String host, int port, String what, int index) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new NetworkException(name(index) + ": " + what + " address " + host + ":" + port
          + " is in use by another process (" + e.getMessage() + "); stop it or change the port in "
          + layout.configFile(index));
    }
  }

  /** The last non-empty line of a log, to say why a node exited without opening the log. */
  static String lastLogLine(Path log) throws IOException {
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
      byte[] tail = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(tail);
      List<String> lines = new String(tail, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
  }

  private static String name(int index) {
    return NetworkLayout.NODE_DIRECTORY_PREFIX + index;
  }
}
