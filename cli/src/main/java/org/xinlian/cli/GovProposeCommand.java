package org.xinlian.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian gov propose KIND --field value…}: any of the nineteen proposal kinds (GOV-3). */
@Command(
    name = "propose",
    mixinStandardHelpOptions = true,
    description = {
      "Make a governance proposal of KIND (ADD_GOVERNOR, GRANT_ROLE, SET_PARAMETER, … as in "
          + "contracts/IXinlianGovernance.sol; add-governor works too), its payload given field by "
          + "field. Only the fields of KIND are accepted, each required:",
      "  ADD_GOVERNOR --governor --organisation --weight; REMOVE_GOVERNOR --governor; "
          + "SET_GOVERNOR_WEIGHT --governor --weight; SET_VOTING_RULE --rule-kind --quorum-bps "
          + "--approval-bps; ADD_ORGANISATION --id --name --ca-certificate FILE --user-quota; "
          + "REMOVE_ORGANISATION --id; ADD_VALIDATOR, ADD_OBSERVER --node --organisation; REMOVE_NODE "
          + "--node; SET_PARAMETER --parameter --value --activation-height; GRANT_ROLE --account --role "
          + "--organisation; REVOKE_ROLE --account --role; FREEZE_/UNFREEZE_/ABOLISH_ACCOUNT and "
          + "_CONTRACT --account --reason; UPGRADE_CONTRACT --proxy --implementation; SCHEDULE_FEATURE "
          + "--feature --activation-height (a feature this release knows)."
    })
final class GovProposeCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "KIND", description = "The proposal kind.")
  String kind;

  @Mixin GovConnection connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  GovSender sender;

  @Mixin GovTiming timing;

  @Option(names = "--governor", paramLabel = "ADDRESS") String governor;
  @Option(names = "--organisation", paramLabel = "ID") String organisation;
  @Option(names = "--weight", paramLabel = "N") String weight;
  @Option(names = "--rule-kind", paramLabel = "KIND") String ruleKind;
  @Option(names = "--quorum-bps", paramLabel = "BPS") String quorumBps;
  @Option(names = "--approval-bps", paramLabel = "BPS") String approvalBps;
  @Option(names = "--id", paramLabel = "ID") String id;
  @Option(names = "--name", paramLabel = "TEXT") String name;
  @Option(names = "--ca-certificate", paramLabel = "FILE") String caCertificate;
  @Option(names = "--user-quota", paramLabel = "N") String userQuota;
  @Option(names = "--node", paramLabel = "ADDRESS") String node;
  @Option(names = "--parameter", paramLabel = "KEY") String parameter;
  @Option(names = "--value", paramLabel = "N") String value;
  @Option(names = "--activation-height", paramLabel = "H") String activationHeight;
  @Option(names = "--account", paramLabel = "ADDRESS") String account;
  @Option(names = "--role", paramLabel = "ROLE") String role;
  @Option(names = "--reason", paramLabel = "TEXT") String reason;
  @Option(names = "--proxy", paramLabel = "ADDRESS") String proxy;
  @Option(names = "--implementation", paramLabel = "ADDRESS") String implementation;
  @Option(names = "--feature", paramLabel = "NAME") String feature;

  GovProposeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    ProposalKind proposalKind = ProposalFields.kind(kind, "KIND");
    return GovProposals.propose(environment, connection, sender, timing, proposalKind, fields());
  }

  /** Field name (as the interface names it) to the value given. */
  private Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "governor", governor);
    put(fields, "feature", feature);
    put(fields, "organisation", organisation);
    put(fields, "weight", weight);
    put(fields, "kind", ruleKind);
    put(fields, "quorumBps", quorumBps);
    put(fields, "approvalBps", approvalBps);
    put(fields, "id", id);
    put(fields, "name", name);
    put(fields, "caCertificate", caCertificate);
    put(fields, "userQuota", userQuota);
    put(fields, "node", node);
    put(fields, "key", parameter);
    put(fields, "value", value);
    put(fields, "activationHeight", activationHeight);
    put(fields, "account", account);
    put(fields, "role", role);
    put(fields, "reason", reason);
    put(fields, "proxy", proxy);
    put(fields, "implementation", implementation);
    return fields;
  }

  private static void put(Map<String, String> fields, String field, String value) {
    if (value != null) {
      fields.put(field, value);
    }
  }
}
