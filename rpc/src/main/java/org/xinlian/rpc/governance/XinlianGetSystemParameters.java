package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xinlian.execution.governance.GovernanceRecords.Parameter;
import org.xinlian.execution.SystemParameters;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;

/**
 * {@code xinlian_getSystemParameters [block?]}: every governed parameter (GOV-15) for the block
 * after {@code block} — its value, and a scheduled change with its activation height, or null —
 * (GOV-16). An open development chain has no votes: it answers its genesis values, mode {@code
 * dev}, for any block.
 */
final class XinlianGetSystemParameters implements RpcMethod {
  static final String NAME = "xinlian_getSystemParameters";

  private final GovernanceReads reads;

  XinlianGetSystemParameters(GovernanceReads reads) {
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
    if (!reads.permissioned()) {
      long height = reads.header(block).number() + 1;
      ObjectNode json = header("dev", height);
      ObjectNode parameters = json.putObject("parameters");
      SystemParameters defaults = SystemParameters.defaults(reads.genesis.blockGasLimit(),
          reads.genesis.blockIntervalMs());
      for (SystemParameters.Key key : SystemParameters.Key.values()) {
        parameters.set(key.name(), entry(defaults.get(key), 0, 0, height));
      }
      return json;
    }
    return reads.read(block, snapshot -> {
      ObjectNode json = header("permissioned", snapshot.nextHeight());
      ObjectNode parameters = json.putObject("parameters");
      for (SystemParameters.Key key : SystemParameters.Key.values()) {
        Parameter parameter = snapshot.governance().parameter(key);
        parameters.set(key.name(), entry(parameter.valueAt(snapshot.nextHeight()), parameter.pendingValue(),
            parameter.pendingFrom(), snapshot.nextHeight()));
      }
      return json;
    });
  }

  private static ObjectNode header(String mode, long height) {
    ObjectNode json = GovernanceJson.NODES.objectNode();
    json.put("mode", mode);
    json.put("height", GovernanceJson.quantity(height));
    return json;
  }

  /** A change that has taken effect by {@code height} is the value, not pending any more. */
  private static ObjectNode entry(long value, long pendingValue, long pendingFrom, long height) {
    ObjectNode json = GovernanceJson.NODES.objectNode();
    json.put("value", GovernanceJson.quantity(value));
    if (pendingFrom != 0 && pendingFrom > height) {
      json.put("pendingValue", GovernanceJson.quantity(pendingValue));
      json.put("activationHeight", GovernanceJson.quantity(pendingFrom));
    } else {
      json.putNull("pendingValue");
      json.putNull("activationHeight");
    }
    return json;
  }
}
