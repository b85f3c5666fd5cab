package org.xinlian.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How network nodes are started: shared by {@code network up} and {@code network start}. */
final class NodeStartOptions {
  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Longest wait for the started nodes to answer (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--jvm-option", paramLabel = "OPTION",
      description = "An option for each node's JVM, such as -Xmx1g (repeatable).")
  List<String> jvmOptions = new ArrayList<>();
}
