package org.xinlian.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * anvil (Foundry's Ethereum development node, from the npm package @foundry-rs/anvil pinned in
 * interop-erc20) on 127.0.0.1 with a port the kernel picks, so parallel runs never collide. It is
 * the reference endpoint: a scenario that passes here and fails on Xinlian points at Xinlian.
 */
final class AnvilEndpoint implements EthereumEndpoint {
  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final long START_SECONDS_MAX = 30;
  private static final long STOP_SECONDS_MAX = 10;
  private static final int OUTPUT_LINES_KEPT = 40;

  private final Process process;
  private final int port;

  private AnvilEndpoint(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts anvil with the standard development mnemonic (its default) and the cancun hard fork,
   * the EVM version the token is compiled for.
   */
  static AnvilEndpoint start(Path project) throws IOException, InterruptedException {
    Path binary =
        binary(project)
            .orElseThrow(
                () -> new IOException("no anvil binary for this platform under " + project.resolve("node_modules")));
    Process process =
        new ProcessBuilder(
                List.of(binary.toString(), "--host", "127.0.0.1", "--port", "0", "--hardfork", "cancun"))
            .redirectErrorStream(true)
            .start();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Deque<String> lastLines = new ArrayDeque<>();
    Thread reader = new Thread(() -> drain(process, listening, lastLines), "anvil-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new AnvilEndpoint(process, listening.get(START_SECONDS_MAX, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      synchronized (lastLines) {
        throw new IOException("anvil did not start within " + START_SECONDS_MAX + " s; output: " + lastLines, e);
      }
    }
  }

  // anvil logs every request; its output is read to the end so that a full pipe never blocks it.
  private static void drain(Process process, CompletableFuture<Integer> listening, Deque<String> lastLines) {
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          listening.complete(Integer.parseInt(matcher.group(1)));
        }
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > OUTPUT_LINES_KEPT) {
            lastLines.removeFirst();
          }
        }
      }
      listening.completeExceptionally(new IOException("anvil exited before listening"));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
  }

  // npm installs only the platform package that matches this machine (an optional dependency).
  private static Optional<Path> binary(Path project) throws IOException {
    Path scope = project.resolve("node_modules").resolve("@foundry-rs");
    if (!Files.isDirectory(scope)) {
      return Optional.empty();
    }
    try (Stream<Path> packages = Files.list(scope)) {
      return packages
          .filter(directory -> directory.getFileName().toString().startsWith("anvil-"))
          .flatMap(directory -> Stream.of(directory.resolve("bin/anvil"), directory.resolve("bin/anvil.exe")))
          .filter(Files::isExecutable)
          .findFirst();
    }
  }

  @Override
  public String name() {
    return "anvil on port " + port;
  }

  @Override
  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String wsUrl() {
    return "ws://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS_MAX, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
