package org.xinlian.sdk.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;

/**
 * A proposal as {@code xinlian_getProposal} reads it (GOV-16): the payload by field name (values
 * as the node shows them: addresses and bytes in hex, numbers in decimal) beside the raw bytes,
 * the tally with its rule, the current governors' votes and, for upgrades, both code hashes.
 */
public record GovernanceProposal(
    long id,
    ProposalKind kind,
    Map<String, String> payload,
    byte[] rawPayload,
    Address proposer,
    long createdAt,
    long expiresAt,
    long executeAt,
    ProposalStatus status,
    Tally tally,
    Optional<String> executionError,
    List<Vote> votes,
    Optional<Upgrade> upgrade) {
  public GovernanceProposal {
    Objects.requireNonNull(kind, "kind");
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    rawPayload = rawPayload.clone();
    votes = List.copyOf(votes);
  }

  @Override
  public byte[] rawPayload() {
    return rawPayload.clone();
  }

  /** The weights counted so far and the kind's rule, in basis points of {@code total} (GOV-5). */
  public record Tally(long forWeight, long againstWeight, long abstainWeight, long totalWeight, long quorumBps,
      long approvalBps) {}

  public record Vote(Address governor, Choice choice, long weight) {}

  /** The implementation a governed proxy runs now and the one proposed, with their code hashes (GOV-13). */
  public record Upgrade(Address proxy, Address currentImplementation, Hash currentCodeHash,
      Address newImplementation, Hash newCodeHash) {}

  static GovernanceProposal parse(JsonNode json, String field) {
    String kindName = GovernanceFields.text(GovernanceFields.member(json, field, "kind"), field + ".kind");
    ProposalKind kind = ProposalKind.ofName(kindName)
        .orElseThrow(() -> new DecodingException(field + ".kind", "unknown kind " + kindName));
    String statusName = GovernanceFields.text(GovernanceFields.member(json, field, "status"), field + ".status");
    ProposalStatus status;
    try {
      status = ProposalStatus.valueOf(statusName);
    } catch (IllegalArgumentException e) {
      throw new DecodingException(field + ".status", "unknown status " + statusName);
    }
    Map<String, String> payload = new LinkedHashMap<>();
    JsonNode fields = GovernanceFields.member(json, field, "payload");
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      payload.put(entry.getKey(), entry.getValue().asText());
    }
    JsonNode tallyJson = GovernanceFields.member(json, field, "tally");
    String t = field + ".tally";
    Tally tally = new Tally(number(tallyJson, t, "for"), number(tallyJson, t, "against"),
        number(tallyJson, t, "abstain"), number(tallyJson, t, "total"), number(tallyJson, t, "quorumBps"),
        number(tallyJson, t, "approvalBps"));
    JsonNode error = json.get("executionError");
    List<Vote> votes = new ArrayList<>();
    JsonNode votesJson = json.get("votes");
    if (votesJson != null && votesJson.isArray()) {
      for (int i = 0; i < votesJson.size(); i++) {
        String v = field + ".votes." + i;
        JsonNode vote = votesJson.get(i);
        String choiceName = GovernanceFields.text(GovernanceFields.member(vote, v, "choice"), v + ".choice");
        votes.add(new Vote(GovernanceFields.address(GovernanceFields.member(vote, v, "governor"), v + ".governor"),
            Choice.ofName(choiceName).orElseThrow(() -> new DecodingException(v + ".choice", "unknown " + choiceName)),
            number(vote, v, "weight")));
      }
    }
    Optional<Upgrade> upgrade = Optional.empty();
    JsonNode upgradeJson = json.get("upgrade");
    if (upgradeJson != null && !upgradeJson.isNull()) {
      String u = field + ".upgrade";
      upgrade = Optional.of(new Upgrade(address(upgradeJson, u, "proxy"), address(upgradeJson, u, "currentImplementation"),
          GovernanceFields.hash(GovernanceFields.member(upgradeJson, u, "currentCodeHash"), u + ".currentCodeHash"),
          address(upgradeJson, u, "newImplementation"),
          GovernanceFields.hash(GovernanceFields.member(upgradeJson, u, "newCodeHash"), u + ".newCodeHash")));
    }
    return new GovernanceProposal(number(json, field, "id"), kind, payload,
        GovernanceFields.data(GovernanceFields.member(json, field, "rawPayload"), field + ".rawPayload"),
        address(json, field, "proposer"), number(json, field, "createdAt"), number(json, field, "expiresAt"),
        number(json, field, "executeAt"), status, tally,
        error == null || error.isNull() ? Optional.empty() : Optional.of(error.asText()), votes, upgrade);
  }

  private static long number(JsonNode object, String field, String name) {
    return GovernanceFields.quantity(GovernanceFields.member(object, field, name), field + "." + name);
  }

  private static Address address(JsonNode object, String field, String name) {
    return GovernanceFields.address(GovernanceFields.member(object, field, name), field + "." + name);
  }
}
