package org.xinlian.execution.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.SystemParameters;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceGenesis;
import org.xinlian.execution.governance.NodeRole;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.Role;
import org.xinlian.execution.governance.VotingRule;

/** Reads the genesis {@code governance} section strictly (GOV-1, GENESIS-2). */
final class GovernanceJson {
  private static final Set<String> FIELDS =
      Set.of("organisations", "governors", "nodes", "accounts", "votingRules", "parameters");
  private static final Set<String> ORGANISATION_FIELDS = Set.of("id", "name", "caCertificate", "userQuota");
  private static final Set<String> GOVERNOR_FIELDS = Set.of("address", "organisation", "weight");
  private static final Set<String> NODE_FIELDS = Set.of("address", "organisation", "role");
  private static final Set<String> ACCOUNT_FIELDS = Set.of("address", "organisation", "roles");
  private static final Set<String> RULE_FIELDS = Set.of("quorumBps", "approvalBps");
  /** Bounds the accounts a genesis may admit; more are admitted by organisation admins later. */
  static final int ACCOUNTS_MAX = 100_000;

  private GovernanceJson() {}

  static GovernanceGenesis parse(JsonNode node) {
    String base = "governance";
    object(node, base);
    GenesisJson.refuseUnknown(node, FIELDS, base + ".");
    List<GovernanceGenesis.Organisation> organisations = new ArrayList<>();
    for (JsonNode item : array(node, "organisations", base, true, Governance.ORGANISATIONS_MAX)) {
      String field = base + ".organisations." + organisations.size();
      object(item, field);
      GenesisJson.refuseUnknown(item, ORGANISATION_FIELDS, field + ".");
      organisations.add(new GovernanceGenesis.Organisation(text(item, "id", field), text(item, "name", field),
          text(item, "caCertificate", field),
          item.has("userQuota") ? GenesisJson.longQuantity(item.get("userQuota"), field + ".userQuota")
              : Governance.USER_QUOTA_DEFAULT));
    }
    List<GovernanceGenesis.GovernorEntry> governors = new ArrayList<>();
    for (JsonNode item : array(node, "governors", base, true, Governance.GOVERNORS_MAX)) {
      String field = base + ".governors." + governors.size();
      object(item, field);
      GenesisJson.refuseUnknown(item, GOVERNOR_FIELDS, field + ".");
      governors.add(new GovernanceGenesis.GovernorEntry(address(item, field), text(item, "organisation", field),
          item.has("weight") ? GenesisJson.longQuantity(item.get("weight"), field + ".weight") : 1));
    }
    List<GovernanceGenesis.NodeEntry> nodes = new ArrayList<>();
    for (JsonNode item : array(node, "nodes", base, true, Governance.NODES_MAX)) {
      String field = base + ".nodes." + nodes.size();
      object(item, field);
      GenesisJson.refuseUnknown(item, NODE_FIELDS, field + ".");
      String role = text(item, "role", field);
      NodeRole nodeRole = NodeRole.ofJsonName(role).filter(r -> r != NodeRole.REMOVED).orElseThrow(
          () -> new DecodingException(field + ".role", "must be \"validator\" or \"observer\", got \"" + role + "\""));
      nodes.add(new GovernanceGenesis.NodeEntry(address(item, field), text(item, "organisation", field), nodeRole));
    }
    List<GovernanceGenesis.AccountEntry> accounts = new ArrayList<>();
    for (JsonNode item : array(node, "accounts", base, false, ACCOUNTS_MAX)) {
      String field = base + ".accounts." + accounts.size();
      object(item, field);
      GenesisJson.refuseUnknown(item, ACCOUNT_FIELDS, field + ".");
      Set<Role> roles = new HashSet<>();
      int index = 0;
      for (JsonNode roleNode : array(item, "roles", field, true, Role.values().length)) {
        String roleField = field + ".roles." + index++;
        if (!roleNode.isTextual()) {
          throw new DecodingException(roleField, "must be a string");
        }
        Role role = Role.ofJsonName(roleNode.asText()).orElseThrow(() -> new DecodingException(roleField,
            "\"" + roleNode.asText() + "\" is not a role (user, operator, auditor, orgAdmin)"));
        if (!roles.add(role)) {
          throw new DecodingException(roleField, "\"" + roleNode.asText() + "\" is listed twice");
        }
      }
      accounts.add(new GovernanceGenesis.AccountEntry(address(item, field), text(item, "organisation", field), roles));
    }
    return new GovernanceGenesis(organisations, governors, nodes, accounts, rules(node.get("votingRules"), base),
        parameters(node.get("parameters"), base));
  }

  private static Map<ProposalKind, VotingRule> rules(JsonNode node, String base) {
    Map<ProposalKind, VotingRule> rules = new EnumMap<>(ProposalKind.class);
    if (node == null) {
      return rules;
    }
    String field = base + ".votingRules";
    object(node, field);
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = field + "." + entry.getKey();
      ProposalKind kind = ProposalKind.ofName(entry.getKey())
          .orElseThrow(() -> new DecodingException(path, "not a proposal kind (ADD_GOVERNOR, …)"));
      object(entry.getValue(), path);
      GenesisJson.refuseUnknown(entry.getValue(), RULE_FIELDS, path + ".");
      long quorum = GenesisJson.longQuantity(required(entry.getValue(), "quorumBps", path), path + ".quorumBps");
      long approval = GenesisJson.longQuantity(required(entry.getValue(), "approvalBps", path), path + ".approvalBps");
      try {
        rules.put(kind, new VotingRule((int) Math.min(quorum, Integer.MAX_VALUE),
            (int) Math.min(approval, Integer.MAX_VALUE)));
      } catch (IllegalArgumentException e) {
        throw new DecodingException(path, e.getMessage());
      }
    }
    return rules;
  }

  private static Map<SystemParameters.Key, Long> parameters(JsonNode node, String base) {
    Map<SystemParameters.Key, Long> parameters = new EnumMap<>(SystemParameters.Key.class);
    if (node == null) {
      return parameters;
    }
    String field = base + ".parameters";
    object(node, field);
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = field + "." + entry.getKey();
      SystemParameters.Key parameter = SystemParameters.Key.byName(entry.getKey())
          .orElseThrow(() -> new DecodingException(path, "not a system parameter"));
      parameters.put(parameter, GenesisJson.longQuantity(entry.getValue(), path));
    }
    return parameters;
  }

  private static void object(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw new DecodingException(field, "must be an object");
    }
  }

  private static JsonNode required(JsonNode object, String name, String base) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw new DecodingException(base + "." + name, "required");
    }
    return value;
  }

  private static List<JsonNode> array(JsonNode object, String name, String base, boolean required, int max) {
    JsonNode value = object.get(name);
    String field = base + "." + name;
    if (value == null || value.isNull()) {
      if (required) {
        throw new DecodingException(field, "required");
      }
      return List.of();
    }
    if (!value.isArray()) {
      throw new DecodingException(field, "must be an array");
    }
    if (value.size() > max) {
      throw new DecodingException(field, value.size() + " entries, more than " + max);
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  private static String text(JsonNode object, String name, String base) {
    JsonNode value = required(object, name, base);
    if (!value.isTextual()) {
      throw new DecodingException(base + "." + name, "must be a string");
    }
    return value.asText();
  }

  private static Address address(JsonNode object, String base) {
    return GenesisJson.address(text(object, "address", base), base + ".address");
  }
}
