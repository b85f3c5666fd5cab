package org.xinlian.cli.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the pid file of one node says, checked against the operating system: a node is running
 * only when the process its pid file names is alive and its command line is {@code node --config}
 * with this node's configuration file. A pid file naming a process that has exited, or a reused
 * pid now running something else, is stale: never signalled, and replaced when the node starts.
 *
 * @param index the node's number
 * @param pidFile where its pid is kept
 * @param recordedPid the pid in the file, when the file holds one
 * @param process the running node, when there is one
 */
public record NodeProcess(int index, Path pidFile, OptionalLong recordedPid, Optional<ProcessHandle> process) {
  /** A pid file holds one decimal number; anything longer is not ours. */
  private static final int PID_FILE_BYTES_MAX = 32;
  /** Linux's own limit on the arguments of one process (ARG_MAX is 2 MiB by default). */
  private static final int COMMAND_LINE_BYTES_MAX = 2 * 1024 * 1024;

  public boolean running() {
    return process.isPresent();
  }

  /** A pid file exists but names no running node of this network. */
  public boolean stale() {
    return process.isEmpty() && Files.exists(pidFile);
  }

  /** Reads node {@code index}'s pid file and checks the process it names. */
  static NodeProcess inspect(NetworkLayout layout, int index) throws IOException {
    Path pidFile = layout.pidFile(index);
    OptionalLong pid = readPid(pidFile);
    Optional<ProcessHandle> process = Optional.empty();
    if (pid.isPresent()) {
      process = ProcessHandle.of(pid.getAsLong())
          .filter(ProcessHandle::isAlive)
          .filter(handle -> runsConfig(handle, layout.configFile(index)));
    }
    return new NodeProcess(index, pidFile, pid, process);
  }

  /** Removes a stale pid file; a running node's file is kept. */
  void removeStalePidFile() throws IOException {
    if (!running()) {
      Files.deleteIfExists(pidFile);
    }
  }

  /** Records {@code pid}, replacing the file in one step so a reader never sees half a number. */
  static void writePid(Path pidFile, long pid) throws IOException {
    Path partial = pidFile.resolveSibling(pidFile.getFileName() + ".partial");
    Files.writeString(partial, pid + "\n", StandardCharsets.US_ASCII);
    Files.move(partial, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static OptionalLong readPid(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile) || Files.size(pidFile) > PID_FILE_BYTES_MAX) {
      return OptionalLong.empty();
    }
    String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
    if (!text.matches("[1-9][0-9]{0,17}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(text));
  }

  /**
   * True when the process's arguments contain {@code node --config <configFile>}: the command
   * {@link NodeLauncher} starts. When the operating system does not reveal the arguments, the
   * process is not taken for the node, so nothing unknown is ever signalled.
   */
  static boolean runsConfig(ProcessHandle process, Path configFile) {
    Optional<List<String>> arguments = arguments(process);
    if (arguments.isEmpty()) {
      return false;
    }
    List<String> list = arguments.get();
    String expected = configFile.toAbsolutePath().normalize().toString();
    for (int i = 0; i + 2 < list.size(); i++) {
      if (list.get(i).equals(NodeLauncher.NODE_COMMAND) && list.get(i + 1).equals(NodeLauncher.CONFIG_OPTION)
          && list.get(i + 2).equals(expected)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The process's command line. On Linux it is read from /proc whole: the JDK's
   * {@code ProcessHandle.Info} stops at 4096 bytes and then reports no arguments at all, which a
   * node started with a long class path exceeds.
   */
  static Optional<List<String>> arguments(ProcessHandle process) {
    Path procCommandLine = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    if (Files.isReadable(procCommandLine)) {
      try (InputStream in = Files.newInputStream(procCommandLine)) {
        byte[] bytes = in.readNBytes(COMMAND_LINE_BYTES_MAX);
        if (bytes.length == 0) {
          return Optional.empty();
        }
        int end = bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
        return Optional.of(List.of(new String(bytes, 0, end, StandardCharsets.UTF_8).split("\0", -1)));
      } catch (IOException e) {
        // The process exited while being read: no arguments to match.
        return Optional.empty();
      }
    }
    return process.info().arguments().map(Arrays::asList);
  }
}
