package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;

/** {@code xinlian dev} and {@code xinlian node} run in-process on a free port (NODE-5, NODE-7). */
class DevCommandTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path directory;

  /** A command running on its own thread, with its output captured. */
  private static final class Running {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AtomicInteger exitCode = new AtomicInteger(-1);
    final Thread thread;

    Running(Path workingDirectory, String... args) {
      CliEnvironment environment = new CliEnvironment(new ByteArrayInputStream(new byte[0]),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          prompt -> Optional.empty(), Clock.system(), new SecureRandom(), workingDirectory);
      thread = new Thread(() -> exitCode.set(Main.execute(environment, args)), "cli-under-test");
      thread.start();
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    /** The bound port from the "Listening on" line, waiting for it up to the deadline. */
    int awaitPort() throws InterruptedException {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        Matcher matcher = LISTENING.matcher(out());
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
        if (!thread.isAlive()) {
          throw new AssertionError("the command ended: " + out() + err.toString(StandardCharsets.UTF_8));
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no 'Listening on' line after " + DEADLINE + ": " + out());
    }

    /** Stops the command as a test can (interrupting it) and returns its exit code. */
    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(DEADLINE.toMillis());
      assertFalse(thread.isAlive(), "the command did not stop");
      return exitCode.get();
    }
  }

  private static String call(int port, String method) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * NODE-5: dev prints the accounts and keys like anvil (the first pair as anvil prints it), serves
   * chain id 31337 on the printed port, stops cleanly, and starts again on the same directory.
   */
  @Test
  void devPrintsAccountsServesAndRestarts() throws Exception {
    Running dev = new Running(directory, "dev", "--data-dir", "chain", "--rpc-port", "0");
    int port = dev.awaitPort();
    String out = dev.out();
    assertTrue(out.contains("Available Accounts"), out);
    assertTrue(out.contains("(0) 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 (10000.000000000000000000 ETH)"), out);
    assertTrue(out.contains("Private Keys"), out);
    assertTrue(out.contains("(0) 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"), out);
    // 31337 = 0x7a69, the chain id anvil and Hardhat use.
    assertTrue(call(port, "eth_chainId").contains("\"result\":\"0x7a69\""));
    assertTrue(call(port, "eth_blockNumber").contains("\"result\":\"0x0\""));
    assertEquals(0, dev.stop());
    assertTrue(Files.exists(directory.resolve("chain").resolve("genesis.json")));

    Running again = new Running(directory, "dev", "--data-dir", "chain", "--rpc-port", "0");
    int secondPort = again.awaitPort();
    assertTrue(call(secondPort, "eth_blockNumber").contains("\"result\":\"0x0\""));
    assertEquals(0, again.stop());
  }

  /** NODE-7: a configured node starts from its file and stops cleanly. */
  @Test
  void nodeStartsFromAConfigFile() throws Exception {
    Files.writeString(directory.resolve("genesis.json"), org.xinlian.node.DevChain.genesisJson(1_700_000_000));
    Files.writeString(directory.resolve("node.json"), """
        {"dataDirectory": "data", "genesisFile": "genesis.json", "rpc": {"port": 0}}
        """);
    Running node = new Running(directory, "node", "--config", "node.json");
    int port = node.awaitPort();
    assertTrue(call(port, "eth_blockNumber").contains("\"result\":\"0x0\""));
    assertEquals(0, node.stop());
  }

  /** NODE-7: a configuration mistake is one error line naming the field, exit code 1. */
  @Test
  void configErrorIsOneLine() throws Exception {
    Files.writeString(directory.resolve("node.json"), """
        {"dataDirectory": "data", "genesisFile": "genesis.json", "rpc": {"port": "8545"}}
        """);
    CliRun.Result result = new CliRun(directory).run("node", "--config", "node.json");
    assertEquals(1, result.exitCode());
    assertEquals(List.of("error: rpc.port: must be an integer"), result.errLines());
  }

  /** NODE-7: a genesis file that does not exist is one error line too. */
  @Test
  void missingGenesisIsOneLine() throws Exception {
    Files.writeString(directory.resolve("node.json"), """
        {"dataDirectory": "data", "genesisFile": "missing.json", "rpc": {"port": 0}}
        """);
    CliRun.Result result = new CliRun(directory).run("node", "--config", "node.json");
    assertEquals(1, result.exitCode());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("error: genesis file "), result.err());
  }
}
