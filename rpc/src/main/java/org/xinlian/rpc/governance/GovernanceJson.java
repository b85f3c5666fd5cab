package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.governance.GovernanceRecords.Account;
import org.xinlian.execution.governance.GovernanceRecords.Governor;
import org.xinlian.execution.governance.GovernanceRecords.Organisation;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;
import org.xinlian.execution.governance.GovernanceRecords.Tally;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.execution.governance.Role;
import org.xinlian.execution.governance.VotingRule;

/**
 * Governance records in JSON: numbers as QUANTITY ({@code 0x} hex without leading zeros) as the
 * Ethereum methods answer them, addresses and bytes as {@code 0x} hex, enumerations by the names
 * of contracts/IXinlianGovernance.sol ({@code ADD_GOVERNOR}, {@code OPEN}, {@code FOR}) and roles
 * by their genesis names ({@code orgAdmin}).
 */
final class GovernanceJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** ERC-1967's implementation slot: {@code keccak256("eip1967.proxy.implementation") - 1}. */
  static final UInt256 IMPLEMENTATION_SLOT = UInt256.fromBytes(Hex.decode(
      "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc"));
  private static final String PEM_BEGIN = "-----BEGIN ";

  private GovernanceJson() {}

  static String quantity(long value) {
    return "0x" + Long.toUnsignedString(value, 16);
  }

  static ObjectNode organisation(Organisation organisation) {
    ObjectNode json = NODES.objectNode();
    json.put("id", organisation.id());
    json.put("name", organisation.name());
    json.put("caCertificate", certificate(organisation.caCertificate()));
    json.put("userQuota", quantity(organisation.userQuota()));
    json.put("users", quantity(organisation.users()));
    return json;
  }

  /** A PEM certificate as its text; DER (which a proposal may carry) as 0x hex. */
  static String certificate(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    boolean printable = text.chars().allMatch(c -> c == '\n' || c == '\r' || c >= 0x20 && c < 0x7f);
    return printable && text.startsWith(PEM_BEGIN) ? text : Hex.encode(bytes);
  }

  static ObjectNode governor(Governor governor) {
    ObjectNode json = NODES.objectNode();
    json.put("address", governor.account().toString());
    json.put("organisation", governor.organisation());
    json.put("weight", quantity(governor.weight()));
    return json;
  }

  static ObjectNode rule(VotingRule rule) {
    ObjectNode json = NODES.objectNode();
    json.put("quorumBps", quantity(rule.quorumBps()));
    json.put("approvalBps", quantity(rule.approvalBps()));
    return json;
  }

  static ArrayNode roles(int mask) {
    ArrayNode roles = NODES.arrayNode();
    for (Role role : Role.values()) {
      if (role.heldIn(mask)) {
        roles.add(role.jsonName());
      }
    }
    return roles;
  }

  static ObjectNode account(Address address, Account account, boolean hasCode) {
    ObjectNode json = NODES.objectNode();
    json.put("address", address.toString());
    json.set("roles", roles(account.roles()));
    if (account.organisation().isEmpty()) {
      json.putNull("organisation");
    } else {
      json.put("organisation", account.organisation());
    }
    json.put("status", account.status().name().toLowerCase(java.util.Locale.ROOT));
    json.put("governor", account.governor());
    json.put("admitted", account.admitted());
    json.put("hasCode", hasCode);
    return json;
  }

  /**
   * A proposal as read at a height: its decoded payload by field name beside the raw bytes, and the
   * tally with the kind's rule, so a reader sees how far it is from passing.
   */
  static ObjectNode proposal(Proposal proposal, VotingRule rule) {
    ObjectNode json = NODES.objectNode();
    ProposalKind kind = proposal.kind();
    json.put("id", quantity(proposal.id()));
    json.put("kind", kind.name());
    ObjectNode payload = json.putObject("payload");
    try {
      for (Map.Entry<String, Object> field
          : ProposalPayloads.describe(kind, ProposalPayloads.decode(kind, proposal.payload())).entrySet()) {
        payload.put(field.getKey(), String.valueOf(field.getValue()));
      }
    } catch (IllegalArgumentException e) {
      // Stored payloads were checked when proposed; a reader still must not fail on one.
      json.put("payload", "undecodable: " + e.getMessage());
    }
    json.put("rawPayload", Hex.encode(proposal.payload()));
    json.put("proposer", proposal.proposer().toString());
    json.put("createdAt", quantity(proposal.createdAt()));
    json.put("expiresAt", quantity(proposal.expiresAt()));
    json.put("executeAt", quantity(proposal.executeAt()));
    json.put("status", proposal.status().name());
    Tally tally = proposal.tally();
    ObjectNode counted = json.putObject("tally");
    counted.put("for", quantity(tally.forWeight()));
    counted.put("against", quantity(tally.againstWeight()));
    counted.put("abstain", quantity(tally.abstainWeight()));
    counted.put("total", quantity(tally.totalWeight()));
    counted.put("quorumBps", quantity(rule.quorumBps()));
    counted.put("approvalBps", quantity(rule.approvalBps()));
    if (proposal.executionError() == null || proposal.executionError().isEmpty()) {
      json.putNull("executionError");
    } else {
      json.put("executionError", proposal.executionError());
    }
    return json;
  }
}
