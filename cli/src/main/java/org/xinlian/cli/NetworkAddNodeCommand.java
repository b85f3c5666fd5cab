package org.xinlian.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.xinlian.cli.network.NetworkAddNode;
import org.xinlian.cli.network.NetworkLayout;
import org.xinlian.cli.network.NetworkSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xinlian network add-node}: one more node for a network made by {@code network init}
 * (docs/spec/local-network.md LOCALNET-13). It prints, rather than runs, what the members do to
 * admit it: the governance commands of GOV-18 on a permissioned chain, ADR 0009's procedure on an
 * open one.
 */
@Command(
    name = "add-node",
    mixinStandardHelpOptions = true,
    description = {
      "Add node<n> to the network in DIR (n: the number of nodes now): a node key and TLS key certified "
          + "by its organisation's CAs (their keys must be back in DIR/ca-keys/<org>/ while this runs), config.json "
          + "with the validators as peers and the next JSON-RPC and P2P ports, and its address in every "
          + "node's allowedNodes (running nodes read it when they restart).",
      "It votes nothing in: the node starts as an observer; the command prints how the members admit "
          + "it as an observer or make it a validator."
    })
final class NetworkAddNodeCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network directory.")
  Path directory;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Role role;

  /** Exactly one of the two. */
  static final class Role {
    @Option(names = "--observer", required = true, description = "The node is to observe: sync, verify, serve JSON-RPC.")
    boolean observer;

    @Option(names = "--validator", required = true, description = "The node is to become a validator once the members vote it in.")
    boolean validator;
  }

  @Option(names = "--org", paramLabel = "ORG",
      description = "Its organisation, an org<k> of DIR/ca/ (default: round robin, as init assigns them).")
  String organisation;

  NetworkAddNodeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    NetworkLayout layout = new NetworkLayout(environment.resolve(directory));
    NetworkAddNode.AddedNode node = NetworkAddNode.add(layout.directory(), role.validator,
        Optional.ofNullable(organisation), Instant.ofEpochMilli(environment.clock().currentTimeMillis()),
        environment.random());
    print(layout, node, environment.out());
    return 0;
  }

  static void print(NetworkLayout layout, NetworkAddNode.AddedNode node, PrintStream out) {
    String name = NetworkLayout.NODE_DIRECTORY_PREFIX + node.index();
    String address = KeyCommand.formatAddress(node.suite(), node.address());
    String rpc = "http://" + NetworkSpec.HOST + ":" + node.rpcPort();
    out.println("Added " + name + " (" + (node.validator() ? "validator to be" : "observer") + ", " + node.organisation()
        + ") " + address + ", JSON-RPC " + rpc + ", P2P " + NetworkSpec.HOST + ":" + node.p2pPort());
    out.println("Every node's allowedNodes now lists it; restart the running ones to admit it:");
    out.println("  xinlian network down --dir " + layout.directory() + " && xinlian network up --dir " + layout.directory());
    out.println();
    String member = "http://" + NetworkSpec.HOST + ":<a node's JSON-RPC port>";
    if (node.governance()) {
      out.println("On this permissioned chain the governors admit it (GOV-14; run by one governor, then voted on):");
      out.println("  xinlian node " + (node.validator() ? "add-validator" : "add-observer") + " --rpc " + member
          + " --key " + layout.governorKey("<org>") + " --node " + address + " --organisation " + node.organisation());
      out.println("  xinlian gov vote --rpc " + member + " --key " + layout.governorKey("<org>") + " <proposal id> for");
    } else if (node.validator()) {
      out.println("On this open chain the validators make it one (docs/adr/0009):");
      out.println("  xinlian validators propose --rpc " + member + " --suite " + node.suite()
          + " --validator <each current validator> --validator "
          + address + " --out update.json");
      out.println("  xinlian validators sign update.json --key <a validator's node.key.pem>   (more than two thirds of them)");
      out.println("  xinlian validators submit update.json --rpc " + member + " --dev-account 0");
    } else {
      out.println("On this open chain nothing more is needed: it observes once the others admit it.");
    }
    out.println();
    out.println("Start it: xinlian network up --dir " + layout.directory() + " --node " + node.index());
  }
}
