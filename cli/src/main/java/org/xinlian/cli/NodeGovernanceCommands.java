package org.xinlian.cli;

import java.util.Map;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian node add-validator|add-observer|remove}: node admission proposals (GOV-14, GOV-18). */
final class NodeGovernanceCommands {
  private NodeGovernanceCommands() {}

  /** A command about one node, named as the first argument or with {@code --node}. */
  abstract static class NodeShortcut extends GovShortcut {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE", description = "The node key's address.")
    String nodeArgument;

    @Option(names = "--node", paramLabel = "ADDRESS", description = "The node key's address, instead of NODE.")
    String nodeOption;

    NodeShortcut(CliEnvironment environment) {
      super(environment);
    }

    String node() {
      if ((nodeArgument == null) == (nodeOption == null)) {
        throw new UserException("NODE: name the node once, as the argument or with --node");
      }
      return nodeArgument != null ? nodeArgument : nodeOption;
    }
  }

  @Command(name = "add-validator", mixinStandardHelpOptions = true,
      description = "Propose ADD_VALIDATOR: NODE (its node key's address) joins the validators two heights "
          + "after the proposal executes.")
  static final class AddValidator extends NodeShortcut {
    @Option(names = "--organisation", required = true, paramLabel = "ID") String organisation;

    AddValidator(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.ADD_VALIDATOR;
    }

    @Override
    Map<String, String> fields() {
      return Map.of("node", node(), "organisation", organisation);
    }
  }

  @Command(name = "add-observer", mixinStandardHelpOptions = true,
      description = "Propose ADD_OBSERVER: NODE may join P2P, sync and serve JSON-RPC, and never signs.")
  static final class AddObserver extends NodeShortcut {
    @Option(names = "--organisation", required = true, paramLabel = "ID") String organisation;

    AddObserver(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.ADD_OBSERVER;
    }

    @Override
    Map<String, String> fields() {
      return Map.of("node", node(), "organisation", organisation);
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Propose REMOVE_NODE: NODE leaves the validators (if it is one) and P2P.")
  static final class Remove extends NodeShortcut {
    Remove(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.REMOVE_NODE;
    }

    @Override
    Map<String, String> fields() {
      return Map.of("node", node());
    }
  }
}
