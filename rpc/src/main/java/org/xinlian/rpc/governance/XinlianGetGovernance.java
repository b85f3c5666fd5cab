package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xinlian.execution.governance.GovernanceRecords.Governor;
import org.xinlian.execution.governance.GovernanceRecords.Node;
import org.xinlian.execution.governance.GovernanceRecords.Organisation;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;

/**
 * {@code xinlian_getGovernance [block?]}: the consortium as of a block (GOV-16) — its mode, the
 * chain's crypto suite, organisations, governors with their weights and the total, nodes and every kind's voting rule.
 * An open development chain answers its mode {@code dev} and suite, and nothing else (GOV-1).
 */
final class XinlianGetGovernance implements RpcMethod {
  static final String NAME = "xinlian_getGovernance";

  private final GovernanceReads reads;

  XinlianGetGovernance(GovernanceReads reads) {
    this.reads = reads;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Governance is chain data anyone may read with eth_call or eth_getStorageAt too. */
  @Override
  public RpcPermission permission() {
    return RpcPermission.PUBLIC;
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 1);
    BlockTag block = params.blockTagOr(0, "block", BlockTag.LATEST);
    ObjectNode json = GovernanceJson.NODES.objectNode();
    if (!reads.permissioned()) {
      json.put("mode", "dev");
      json.put("suite", reads.dependencies.suite().name());
      return json;
    }
    return reads.read(block, snapshot -> {
      GovernanceState governance = snapshot.governance();
      json.put("mode", "permissioned");
      // Tools that sign for members (offline votes, the CLI) must know the chain's suite (GOV-19).
      json.put("suite", reads.dependencies.suite().name());
      json.put("blockNumber", GovernanceJson.quantity(snapshot.header().number()));
      ArrayNode organisations = json.putArray("organisations");
      for (Organisation organisation : governance.organisations()) {
        organisations.add(GovernanceJson.organisation(organisation));
      }
      ArrayNode governors = json.putArray("governors");
      for (Governor governor : governance.governors()) {
        governors.add(GovernanceJson.governor(governor));
      }
      json.put("totalWeight", GovernanceJson.quantity(governance.totalWeight()));
      ArrayNode nodes = json.putArray("nodes");
      for (Node node : governance.nodes()) {
        ObjectNode entry = nodes.addObject();
        entry.put("address", node.node().toString());
        entry.put("organisation", node.organisation());
        entry.put("role", node.role().jsonName());
      }
      ObjectNode rules = json.putObject("votingRules");
      for (ProposalKind kind : ProposalKind.values()) {
        rules.set(kind.name(), GovernanceJson.rule(governance.rule(kind)));
      }
      return json;
    });
  }
}
