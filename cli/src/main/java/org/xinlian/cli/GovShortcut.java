package org.xinlian.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;

/**
 * A command that makes one kind of proposal from a few arguments ({@code xinlian account freeze
 * 0x… --reason …}), the same way {@code gov propose} does (GOV-18).
 */
abstract class GovShortcut implements Callable<Integer> {
  final CliEnvironment environment;

  @Mixin GovConnection connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  GovSender sender;

  @Mixin GovTiming timing;

  GovShortcut(CliEnvironment environment) {
    this.environment = environment;
  }

  abstract ProposalKind kind();

  /** The payload's fields by the interface's names, as typed. */
  abstract Map<String, String> fields();

  @Override
  public Integer call() throws IOException {
    return GovProposals.propose(environment, connection, sender, timing, kind(), fields());
  }
}
