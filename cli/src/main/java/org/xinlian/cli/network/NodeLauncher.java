package org.xinlian.cli.network;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a node of a network as its own process: {@code java [options] -jar <jar> node --config
 * <dir>/node<i>/config.json}, with the java and the jar of the running CLI so a network always
 * runs the code that started it. From classes rather than a jar (tests, IDEs) it runs the same
 * main class on the same class path. Where {@code setsid} exists the node gets a session of its
 * own, so closing the terminal or pressing Ctrl-C there does not stop the network.
 */
public final class NodeLauncher {
  static final String NODE_COMMAND = "node";
  static final String CONFIG_OPTION = "--config";
  private static final List<Path> SETSID_LOCATIONS = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

  private final List<String> prefix;

  private NodeLauncher(List<String> prefix) {
    this.prefix = List.copyOf(prefix);
  }

  /**
   * The launcher of the CLI running now, whose entry point is {@code mainClass}, passing
   * {@code jvmOptions} (such as {@code -Xmx512m}) to every node's JVM.
   */
  public static NodeLauncher ofRunningCli(Class<?> mainClass, List<String> jvmOptions) {
    for (String option : jvmOptions) {
      if (!option.startsWith("-")) {
        throw new IllegalArgumentException("--jvm-option: a JVM option starts with '-', got '" + option + "'");
      }
    }
    List<String> prefix = new ArrayList<>();
    SETSID_LOCATIONS.stream().filter(Files::isExecutable).findFirst().ifPresent(path -> prefix.add(path.toString()));
    prefix.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    prefix.addAll(jvmOptions);
    Optional<Path> jar = jarOf(mainClass);
    if (jar.isPresent()) {
      prefix.add("-jar");
      prefix.add(jar.get().toString());
    } else {
      prefix.add("-cp");
      prefix.add(System.getProperty("java.class.path"));
      prefix.add(mainClass.getName());
    }
    return new NodeLauncher(prefix);
  }

  /** The full command line that runs the node of {@code configFile}. */
  public List<String> command(Path configFile) {
    List<String> command = new ArrayList<>(prefix);
    command.add(NODE_COMMAND);
    command.add(CONFIG_OPTION);
    command.add(configFile.toAbsolutePath().normalize().toString());
    return command;
  }

  /**
   * Starts node {@code index} with its output appended to its log (a restart keeps the earlier
   * log, after a line marking the start) and records its pid. The process is not waited for.
   */
  Process start(NetworkLayout layout, int index, String startLine) throws IOException {
    Path log = layout.logFile(index);
    Files.writeString(log, startLine + System.lineSeparator(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Process process = new ProcessBuilder(command(layout.configFile(index)))
        .directory(layout.nodeDirectory(index).toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    // A node reads nothing from standard input; closing it now leaves no pipe tied to this CLI.
    process.getOutputStream().close();
    NodeProcess.writePid(layout.pidFile(index), process.pid());
    return process;
  }

  private static Optional<Path> jarOf(Class<?> mainClass) {
    CodeSource source = mainClass.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(location) && location.getFileName().toString().endsWith(".jar")
          ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
