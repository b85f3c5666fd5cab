package org.xinlian.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** The node and chain a governance command talks to (GOV-18), shared by every such command. */
final class GovConnection {
  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "A node of the chain (default: ${DEFAULT-VALUE}).")
  URI rpc;

  /** Null: the node's, as xinlian_getGovernance tells it. */
  @Option(names = "--suite", paramLabel = "SUITE", converter = SuiteNameConverter.class,
      description = "The chain's crypto suite, standard or gm (default: the node's).")
  String suite;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for a receipt (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;
}
