package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code xinlian dev} running in a child JVM (so it can be killed with SIGKILL), and the JSON-RPC
 * calls a wallet would make to it over HTTP.
 */
final class DevNodeProcess {
  /** Generous for a loaded CI machine; waits end as soon as the awaited thing happens. */
  static final long CHILD_START_SECONDS_MAX = 60;
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final String END_OF_OUTPUT = "<end of output>";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  private final Process process;
  private final Thread reader;
  private final Path errors;
  final int port;

  private DevNodeProcess(Process process, Thread reader, Path errors, int port) {
    this.process = process;
    this.reader = reader;
    this.errors = errors;
    this.port = port;
  }

  /** Starts {@code xinlian dev --data-dir data --rpc-port 0} and waits for its "Listening on" line. */
  static DevNodeProcess start(Path data, Path errors) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only and the serial collector: each child lives a few seconds, so startup is what counts.
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        Main.class.getName(), "dev", "--data-dir", data.toString(), "--rpc-port", "0")
        .redirectError(errors.toFile())
        .start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("read failed: " + e);
      }
      lines.add(END_OF_OUTPUT);
    }, "dev-node-stdout");
    reader.start();
    StringBuilder seen = new StringBuilder();
    while (true) {
      String line = lines.poll(CHILD_START_SECONDS_MAX, TimeUnit.SECONDS);
      if (line == null || line.equals(END_OF_OUTPUT) || line.startsWith("read failed")) {
        child.destroyForcibly().waitFor();
        fail("xinlian dev did not start: " + line + "\nstdout:\n" + seen + "\nstderr:\n"
            + Files.readString(errors));
      }
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        return new DevNodeProcess(child, reader, errors, Integer.parseInt(matcher.group(1)));
      }
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns the exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit();
  }

  /** SIGTERM: the shutdown hook closes the node cleanly. Returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  private int awaitExit() throws InterruptedException {
    int code = process.waitFor();
    reader.join();
    return code;
  }

  String errors() throws IOException {
    return Files.readString(errors);
  }

  /** One JSON-RPC call; returns the whole response object (result or error). */
  JsonNode call(String method, Object... params) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(param.toString());
    }
    HttpRequest http = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .header("Content-Type", "application/json")
        .timeout(REQUEST_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build();
    return JSON.readTree(HTTP.send(http, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The result of a call that must succeed. */
  JsonNode result(String method, Object... params) throws IOException, InterruptedException {
    JsonNode response = call(method, params);
    if (!response.has("result")) {
      throw new AssertionError(method + " answered " + response);
    }
    return response.get("result");
  }

  BigInteger quantity(String method, Object... params) throws IOException, InterruptedException {
    return quantity(result(method, params));
  }

  static BigInteger quantity(JsonNode hex) {
    String text = hex.asText();
    if (!text.startsWith("0x")) {
      throw new AssertionError("not a quantity: " + hex);
    }
    return new BigInteger(text.substring(2), 16);
  }
}
