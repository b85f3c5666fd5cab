package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xinlian.execution.feature.FeatureSchedule;
import org.xinlian.execution.feature.ProtocolFeature;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;

/**
 * {@code xinlian_getProtocolFeatures [block?]}: the protocol feature schedule (docs/spec/operations.md
 * OPS-80, OPS-81) as the state after {@code block} holds it, for the block after it: each entry's
 * name, activation height, whether it is in force and whether this node's release implements it
 * (an entry it does not is the one that will stop it, OPS-82). Open and permissioned chains alike.
 */
final class XinlianGetProtocolFeatures implements RpcMethod {
  static final String NAME = "xinlian_getProtocolFeatures";

  private final GovernanceReads reads;

  XinlianGetProtocolFeatures(GovernanceReads reads) {
    this.reads = reads;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RpcPermission permission() {
    return RpcPermission.PUBLIC;
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 1);
    BlockTag block = params.blockTagOr(0, "block", BlockTag.LATEST);
    return reads.read(block, snapshot -> {
      ObjectNode json = GovernanceJson.NODES.objectNode();
      json.put("height", GovernanceJson.quantity(snapshot.nextHeight()));
      ArrayNode features = json.putArray("features");
      for (FeatureSchedule.Scheduled entry : FeatureSchedule.read(snapshot.state()).entries()) {
        ObjectNode feature = features.addObject();
        feature.put("name", entry.name());
        feature.put("activationHeight", GovernanceJson.quantity(entry.activationHeight()));
        feature.put("active", entry.activationHeight() <= snapshot.nextHeight());
        feature.put("known", ProtocolFeature.byName(entry.name()).isPresent());
      }
      return json;
    });
  }
}
