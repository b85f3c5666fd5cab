package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.execution.governance.ProposalStatus;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;

/**
 * {@code xinlian_getProposals [{status?, fromId?, count?}]}: proposals newest first at the head
 * (GOV-16), without their vote lists (ask {@code xinlian_getProposal} for one). One call looks at
 * no more than {@link #PROPOSALS_SCANNED_MAX} proposals, so a filter that matches few does not make
 * it read the whole history; {@code next} is the {@code fromId} that continues the listing, null at
 * the first proposal.
 */
final class XinlianGetProposals implements RpcMethod {
  static final String NAME = "xinlian_getProposals";
  public static final int COUNT_DEFAULT = 20;
  public static final int COUNT_MAX = 100;
  /** Proposals one call reads, matching or not: each is a handful of storage reads. */
  public static final int PROPOSALS_SCANNED_MAX = 1_000;
  private static final Set<String> FIELDS = Set.of("status", "fromId", "count");

  private final GovernanceReads reads;

  XinlianGetProposals(GovernanceReads reads) {
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

  private record Filter(Optional<ProposalStatus> status, Optional<Long> fromId, int count) {}

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(0, 1);
    Filter filter = filter(params);
    reads.requirePermissioned(NAME);
    return reads.read(org.xinlian.rpc.BlockTag.LATEST, snapshot -> {
      GovernanceState governance = snapshot.governance();
      long newest = governance.proposalCount();
      long id = Math.min(newest, filter.fromId().orElse(newest));
      ObjectNode json = GovernanceJson.NODES.objectNode();
      ArrayNode proposals = json.putArray("proposals");
      int scanned = 0;
      while (id >= 1 && proposals.size() < filter.count() && scanned < PROPOSALS_SCANNED_MAX) {
        Proposal proposal = governance.proposal(id, snapshot.nextHeight()).orElseThrow();
        if (filter.status().isEmpty() || filter.status().get() == proposal.status()) {
          proposals.add(GovernanceJson.proposal(proposal, governance.rule(proposal.kind())));
        }
        scanned++;
        id--;
      }
      if (id >= 1) {
        json.put("next", GovernanceJson.quantity(id));
      } else {
        json.putNull("next");
      }
      return json;
    });
  }

  private static Filter filter(RpcParams params) {
    if (!params.isPresent(0)) {
      return new Filter(Optional.empty(), Optional.empty(), COUNT_DEFAULT);
    }
    JsonNode object = params.raw(0);
    if (!object.isObject()) {
      throw RpcException.invalidParams("invalid argument 0 (filter): expected an object with status, "
          + "fromId and count, got " + object.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw RpcException.invalidParams("invalid argument 0 (filter." + name + "): unknown field "
            + "(status, fromId, count)");
      }
    }
    Optional<ProposalStatus> status = Optional.empty();
    if (object.hasNonNull("status")) {
      JsonNode value = object.get("status");
      String text = value.isTextual() ? value.textValue().toUpperCase(Locale.ROOT) : "";
      try {
        status = Optional.of(ProposalStatus.valueOf(text));
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams("invalid argument 0 (filter.status): expected one of OPEN, PASSED, "
            + "REJECTED, EXPIRED, EXECUTED, REVOKED, got " + value);
      }
    }
    Optional<Long> fromId = object.hasNonNull("fromId")
        ? Optional.of(field(object, "fromId").quantityLong(0, "filter.fromId")) : Optional.empty();
    int count = COUNT_DEFAULT;
    if (object.hasNonNull("count")) {
      long asked = field(object, "count").quantityLong(0, "filter.count");
      if (asked < 1 || asked > COUNT_MAX) {
        throw RpcException.invalidParams("invalid argument 0 (filter.count): " + asked + " is not 1 to "
            + COUNT_MAX + " (COUNT_MAX)");
      }
      count = (int) asked;
    }
    return new Filter(status, fromId, count);
  }

  /** One field of the filter as parameters of its own, for RpcParams' checks of a QUANTITY. */
  private static RpcParams field(JsonNode object, String name) {
    return RpcParams.of(GovernanceJson.NODES.arrayNode().add(object.get(name)));
  }
}
