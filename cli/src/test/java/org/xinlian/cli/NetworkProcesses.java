package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the process-level network tests share: free port ranges, the CLI in a child JVM, the pid
 * files, JSON-RPC questions to a node, and bounded waiting. Waits end as soon as the awaited thing
 * happens; their limits are generous for a loaded two-core CI machine.
 */
final class NetworkProcesses {
  /** Options for every node JVM of a test: small heap, fast start, one GC thread. */
  static final List<String> NODE_JVM_OPTIONS = List.of(
      "--jvm-option", "-Xmx384m", "--jvm-option", "-XX:TieredStopAtLevel=1", "--jvm-option", "-XX:+UseSerialGC",
      "--jvm-option", "-XX:ActiveProcessorCount=2");
  static final Duration CHILD_CLI_MAX = Duration.ofMinutes(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private static final int PORT_SEARCH_ATTEMPTS = 200;
  private static final int PORT_LOW = 20_000;
  private static final int PORT_SPAN = 30_000;

  private NetworkProcesses() {}

  /** Two non-overlapping ranges of {@code count} consecutive ports free now: RPC and P2P bases. */
  static int[] freePortBases(int count) {
    int rpc = freeRange(count, -1, 0);
    int p2p = freeRange(count, rpc, count);
    return new int[] {rpc, p2p};
  }

  private static int freeRange(int count, int avoidBase, int avoidCount) {
    for (int attempt = 0; attempt < PORT_SEARCH_ATTEMPTS; attempt++) {
      int base = PORT_LOW + ThreadLocalRandom.current().nextInt(PORT_SPAN);
      boolean overlaps = avoidBase >= 0 && base < avoidBase + avoidCount && avoidBase < base + count;
      if (!overlaps && allFree(base, count)) {
        return base;
      }
    }
    throw new AssertionError("no " + count + " consecutive free ports found");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** A CLI run in its own JVM, as a user runs it from a shell. */
  record ChildResult(int exitCode, String out, String err) {}

  static ChildResult runChildCli(Path workingDirectory, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        Main.class.getName()));
    command.addAll(args);
    Path out = Files.createTempFile(workingDirectory, "cli", ".out");
    Path err = Files.createTempFile(workingDirectory, "cli", ".err");
    Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(CHILD_CLI_MAX.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("xinlian " + args + " did not finish within " + CHILD_CLI_MAX + "\nstdout:\n" + Files.readString(out)
          + "\nstderr:\n" + Files.readString(err));
    }
    return new ChildResult(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /**
   * Starts node {@code index} of {@code net} as a child of the test, its output appended to its
   * {@code node.log}, after {@code prefix} (a namespace to run it in, say), so the test can read
   * its exit status.
   */
  static Process startNode(Path net, int index, List<String> prefix) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=2",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "node", "--config", net.resolve("node" + index).resolve("config.json").toString()));
    Path log = net.resolve("node" + index).resolve("node.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    process.getOutputStream().close();
    return process;
  }

  /** The pid in node {@code index}'s pid file. */
  static long pid(Path net, int index) throws IOException {
    return Long.parseLong(Files.readString(pidFile(net, index), StandardCharsets.US_ASCII).strip());
  }

  static Path pidFile(Path net, int index) {
    return net.resolve("node" + index).resolve("node.pid");
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** SIGKILL, as {@code kill -9}: the node gets no chance to close anything. */
  static void killHard(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    await(Duration.ofSeconds(30), () -> !alive(pid), "process " + pid + " to die after SIGKILL");
  }

  /**
   * A process's whole command line, arguments joined by spaces: from /proc on Linux, since the
   * JDK's ProcessHandle.Info gives up on command lines above 4096 bytes (a test class path).
   */
  static String commandLine(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
    if (Files.isReadable(proc)) {
      return String.join(" ", Files.readString(proc, StandardCharsets.UTF_8).split("\0"));
    }
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElse("");
  }

  /** Backstop after a test: no node process of {@code net} outlives it, whatever failed. */
  static void killAll(Path net, int nodes) {
    for (int index = 0; index < nodes; index++) {
      try {
        if (Files.exists(pidFile(net, index))) {
          long pid = pid(net, index);
          Optional<ProcessHandle> handle = ProcessHandle.of(pid);
          if (handle.isPresent()
              && commandLine(pid).contains(net.resolve("node" + index).resolve("config.json").toString())) {
            handle.get().destroyForcibly();
          }
        }
      } catch (IOException | NumberFormatException e) {
        // A half-written pid file names no process to kill.
      }
    }
  }

  /**
   * Drops the consensus part of each node's config, so each node runs alone with the
   * single-validator producer (docs/spec/node.md): the process management under test does not
   * depend on the nodes reaching each other.
   */
  static void withoutConsensus(Path net, int nodes) throws IOException {
    for (int index = 0; index < nodes; index++) {
      Path config = net.resolve("node" + index).resolve("config.json");
      ObjectNode root = (ObjectNode) JSON.readTree(config.toFile());
      root.remove(List.of("p2p", "nodeKeyFile", "consensus"));
      Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
  }

  /** One JSON-RPC call; the whole response object, or empty when the node does not answer. */
  static Optional<JsonNode> call(int port, String method, Object... params) {
    return call("127.0.0.1", port, method, params);
  }

  /** As {@link #call(int, String, Object...)} on another host (a node in a network namespace). */
  static Optional<JsonNode> call(String host, int port, String method, Object... params) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      if (param instanceof Boolean flag) {
        array.add(flag);
      } else if (param instanceof com.fasterxml.jackson.databind.JsonNode node) {
        array.add(node);
      } else {
        array.add(param.toString());
      }
    }
    try {
      HttpRequest http = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
          .header("Content-Type", "application/json").timeout(REQUEST_TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build();
      return Optional.of(JSON.readTree(HTTP.send(http, HttpResponse.BodyHandlers.ofString()).body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The head height node on {@code port} reports, or empty when it does not answer. */
  static OptionalLong height(int port) {
    Optional<JsonNode> response = call(port, "eth_blockNumber");
    if (response.isEmpty() || !response.get().has("result")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(quantity(response.get().get("result")).longValueExact());
  }

  static BigInteger quantity(JsonNode hex) {
    String text = hex.asText();
    if (!text.startsWith("0x")) {
      throw new AssertionError("not a quantity: " + hex);
    }
    return new BigInteger(text.substring(2), 16);
  }

  /** Polls {@code condition} every 200 ms until it holds, failing after {@code limit}. */
  static void await(Duration limit, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("waited " + limit.toSeconds() + " s for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  /**
   * Node {@code index}'s log, for failure messages: the tail of what the process printed
   * ({@code node.log}) and of its own rolling log's current file ({@code logs/node.log}, OPS-51).
   */
  static String log(Path net, int index) {
    Path directory = net.resolve("node" + index);
    return tail(directory.resolve("node.log")) + "\n--- logs/node.log ---\n"
        + tail(directory.resolve("logs").resolve("node.log"));
  }

  private static String tail(Path file) {
    try {
      String log = Files.readString(file);
      return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
