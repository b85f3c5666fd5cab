package org.xinlian.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.xinlian.dist.Commands.ok;
import static org.xinlian.dist.Commands.run;
import static org.xinlian.dist.DebianPackageInstallTest.assertOwnerAndMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OPS-43: what {@code systemctl start xinlian@node0} does, done by hand where systemd is not PID 1
 * (containers, CI): the unit's own {@code ExecStart}, user, working directory, environment files
 * and state and log directories, read from the installed unit file, with a node configured as the
 * operator guide says (docs/ops/install.md): the example configuration, a genesis and the node's
 * keys from {@code xinlian network init}, in /etc/xinlian readable by the service user only.
 */
final class ServiceRun {
  private static final String INSTANCE = "node0";
  private static final Path UNIT = Path.of("/usr/lib/systemd/system/xinlian@.service");
  private static final Path NODE_CONFIG_DIRECTORY = Path.of("/etc/xinlian").resolve(INSTANCE);
  private static final Path NODE_CONFIG = NODE_CONFIG_DIRECTORY.resolve("config.json");
  private static final long NODE_START_SECONDS_MAX = 60;
  private static final long NODE_STOP_SECONDS_MAX = 60;
  /** What the JVM exits with after its shutdown hook ran on SIGTERM (128 + 15). */
  private static final int SIGTERM_EXIT_STATUS = 143;
  private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):([0-9]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path temporary;

  ServiceRun(Path temporary) {
    this.temporary = temporary;
  }

  void startAndStop() throws IOException {
    Map<String, List<String>> unit = unit(Files.readString(UNIT));
    String user = single(unit, "User");
    configure(user);

    List<String> execStart = List.of(single(unit, "ExecStart").split(" "));
    List<String> check = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    check.addAll(execStart);
    check.add("--check-config");
    Commands.Result checked = ok(check.toArray(String[]::new));
    assertEquals("config ok: " + NODE_CONFIG + "\n", checked.out(), checked.describe());
    // As the service user the check also sees what that user may not do: write under /etc.
    Path unwritable = NODE_CONFIG_DIRECTORY.resolve("unwritable.json");
    ObjectNode config = (ObjectNode) JSON.readTree(Files.readString(NODE_CONFIG));
    config.put("dataDirectory", NODE_CONFIG_DIRECTORY.resolve("data").toString());
    Files.writeString(unwritable, JSON.writeValueAsString(config));
    ok("chgrp", user, unwritable.toString());
    List<String> checkUnwritable = new ArrayList<>(check.subList(0, check.size() - 2));
    checkUnwritable.addAll(List.of(unwritable.toString(), "--check-config"));
    Commands.Result refused = run(checkUnwritable.toArray(String[]::new));
    assertEquals(1, refused.exitStatus(), refused.describe());
    assertTrue(refused.err().startsWith("error: dataDirectory: " + NODE_CONFIG_DIRECTORY + " is not writable by this user\n"),
        refused.describe());
    Files.delete(unwritable);

    for (String directory : unit.get("StateDirectory")) {
      systemdDirectory(Path.of("/var/lib").resolve(directory), user, single(unit, "StateDirectoryMode"));
    }
    for (String directory : unit.get("LogsDirectory")) {
      systemdDirectory(Path.of("/var/log").resolve(directory), user, single(unit, "LogsDirectoryMode"));
    }
    // The unit's UMask= as systemd applies it, then its ExecStart= as its User=.
    List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--",
        "sh", "-c", "umask \"$0\" && exec \"$@\"", single(unit, "UMask")));
    command.addAll(execStart);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(Path.of(single(unit, "WorkingDirectory")).toFile())
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String file : unit.get("EnvironmentFile")) {
      builder.environment().putAll(environmentFile(Path.of(file.replaceFirst("^-", ""))));
    }
    assertTrue(builder.environment().containsKey("XINLIAN_JAVA_OPTS"), "read /etc/xinlian/xinlian.env");
    Process process = builder.start();
    try {
      BlockingQueue<String> lines = lines(process);
      URI rpc = awaitListening(lines);
      String blockNumber = call(rpc, "eth_blockNumber").path("result").asText();
      assertTrue(blockNumber.matches("0x[0-9a-f]+"), "eth_blockNumber: " + blockNumber);
      assertOwnerAndMode(Path.of("/var/lib/xinlian", INSTANCE, "data"), user, user, "rwxr-x---");
      // Logback writes the current file as node.log itself (OPS-51).
      assertTrue(Files.isRegularFile(Path.of("/var/log/xinlian", INSTANCE, "node.log")), "the log file");

      // systemd stops a unit by SIGTERM to its processes; runuser only waits for the JVM here.
      assertTrue(Files.isRegularFile(Path.of("/var/lib/xinlian", INSTANCE, "data", "CURRENT")), "a ledger");
      ProcessHandle java = process.toHandle().descendants()
          .filter(handle -> handle.info().command().orElse("").endsWith("java"))
          .findFirst().orElseThrow(() -> new AssertionError("no java under runuser"));
      assertTrue(java.destroy(), "SIGTERM to the node");
      assertTrue(process.waitFor(NODE_STOP_SECONDS_MAX, TimeUnit.SECONDS), "the node stops on SIGTERM");
      assertEquals(SIGTERM_EXIT_STATUS, process.exitValue(), String.join("\n", lines));
      assertEquals(List.of(String.valueOf(SIGTERM_EXIT_STATUS)), unit.get("SuccessExitStatus"),
          "the unit counts the JVM's SIGTERM exit as a clean stop");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /**
   * /etc/xinlian as docs/ops/install.md lays it out: the chain's genesis and CA certificates
   * beside the node directories (never the CA keys), the node's keys and the example
   * configuration with this machine's ports, group-readable by the service user only.
   */
  private void configure(String user) throws IOException {
    Path network = Files.createTempDirectory(temporary, "xinlian-package-network");
    try {
      ok("/usr/bin/xinlian", "network", "init", "--nodes", "1", "--dir", network.toString());
      Path etc = Path.of("/etc/xinlian");
      ok("install", "-d", "-o", "root", "-g", user, "-m", "0750",
          etc.resolve("ca").toString(), NODE_CONFIG_DIRECTORY.toString());
      ok("install", "-o", "root", "-g", user, "-m", "0640",
          network.resolve("genesis.json").toString(), etc.toString());
      ok("install", "-o", "root", "-g", user, "-m", "0640", network.resolve("ca/consortium-ca.pem").toString(),
          network.resolve("ca/transport-ca.pem").toString(), etc.resolve("ca").toString());
      for (String file : List.of("node.key.pem", "node.pem", "transport.key.pem", "transport.pem")) {
        ok("install", "-o", "root", "-g", user, "-m", "0640",
            network.resolve(INSTANCE).resolve(file).toString(), NODE_CONFIG_DIRECTORY.toString());
      }
      ObjectNode config = (ObjectNode) JSON.readTree(Files.readString(Path.of(
          "/usr/share/doc/xinlian/examples/config.json")));
      // This machine only: free ports on loopback, no peers (the example's are other machines).
      ((ObjectNode) config.get("rpc")).put("port", 0);
      ObjectNode p2p = (ObjectNode) config.get("p2p");
      p2p.put("host", "127.0.0.1").put("port", 0).putArray("peers");
      Path staged = network.resolve("config.json");
      Files.writeString(staged, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
      ok("install", "-o", "root", "-g", user, "-m", "0640", staged.toString(), NODE_CONFIG.toString());
    } finally {
      run("rm", "-rf", network.toString());
    }
  }

  /** What systemd makes of StateDirectory= and LogsDirectory= before it starts the service. */
  private static void systemdDirectory(Path directory, String user, String mode) {
    ok("install", "-d", "-o", user, "-g", user, "-m", mode, directory.toString());
  }

  private static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException ended) {
        // The process is gone; what it printed is in the queue.
      }
    }, "xinlian-service-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static URI awaitListening(BlockingQueue<String> lines) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(NODE_START_SECONDS_MAX);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        break;
      }
      seen.add(line);
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        return URI.create("http://" + listening.group(1) + ":" + listening.group(2) + "/");
      }
    }
    throw new AssertionError("the node did not say where it listens within " + NODE_START_SECONDS_MAX
        + " s:\n" + String.join("\n", seen));
  }

  private static JsonNode call(URI rpc, String method) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(rpc)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  /** The unit file's settings by key, in order, with %i for this instance. */
  static Map<String, List<String>> unit(String text) {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        fail("not a unit setting: " + line);
      }
      String value = line.substring(equals + 1).replace("%i", INSTANCE);
      settings.computeIfAbsent(line.substring(0, equals), key -> new ArrayList<>()).add(value);
    }
    return settings;
  }

  private static String single(Map<String, List<String>> unit, String key) {
    List<String> values = Optional.ofNullable(unit.get(key)).orElse(List.of());
    assertEquals(1, values.size(), key + "= in the unit: " + values);
    return values.get(0);
  }

  /** A systemd EnvironmentFile: KEY=VALUE lines, the value optionally in double quotes. */
  private static Map<String, String> environmentFile(Path file) throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return variables;
    }
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      String value = line.substring(equals + 1);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      variables.put(line.substring(0, equals), value);
    }
    return variables;
  }
}
