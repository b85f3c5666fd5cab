package org.xinlian.rpc.governance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.GovernanceRecords.Governor;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;

/**
 * {@code xinlian_getProposal [id, block?]}: one proposal as of the block after {@code block} (so
 * an open proposal past its expiry reads as {@code EXPIRED}), or null when there is none (GOV-16).
 * Besides the record it lists the current governors' votes, and for {@code UPGRADE_CONTRACT} the
 * implementation the proxy runs now and the one proposed, each with its code hash, so voters see
 * what code they approve (GOV-13).
 */
final class XinlianGetProposal implements RpcMethod {
  static final String NAME = "xinlian_getProposal";

  private final GovernanceReads reads;

  XinlianGetProposal(GovernanceReads reads) {
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
    params.requireCount(1, 2);
    long id = params.quantityLong(0, "id");
    BlockTag block = params.blockTagOr(1, "block", BlockTag.LATEST);
    reads.requirePermissioned(NAME);
    return reads.read(block, snapshot -> {
      Optional<Proposal> found = snapshot.governance().proposal(id, snapshot.nextHeight());
      if (found.isEmpty()) {
        return null;
      }
      Proposal proposal = found.get();
      ObjectNode json = GovernanceJson.proposal(proposal, snapshot.governance().rule(proposal.kind()));
      // Tallies count the current governors only (GOV-4), so their votes are the ones listed.
      ArrayNode votes = json.putArray("votes");
      for (Governor governor : snapshot.governance().governors()) {
        Optional<Choice> choice = snapshot.governance().vote(id, governor.account());
        if (choice.isPresent()) {
          ObjectNode vote = votes.addObject();
          vote.put("governor", governor.account().toString());
          vote.put("choice", choice.get().name());
          vote.put("weight", GovernanceJson.quantity(governor.weight()));
        }
      }
      if (proposal.kind() == ProposalKind.UPGRADE_CONTRACT) {
        json.set("upgrade", upgrade(snapshot.state(), proposal));
      }
      return json;
    });
  }

  private static ObjectNode upgrade(WorldState state, Proposal proposal) {
    var fields = ProposalPayloads.describe(ProposalKind.UPGRADE_CONTRACT,
        ProposalPayloads.decode(ProposalKind.UPGRADE_CONTRACT, proposal.payload()));
    Address proxy = Address.fromHex(String.valueOf(fields.get("proxy")));
    Address proposed = Address.fromHex(String.valueOf(fields.get("implementation")));
    byte[] slot = state.storage(proxy, GovernanceJson.IMPLEMENTATION_SLOT).toBytes();
    Address current = Address.wrap(Arrays.copyOfRange(slot, slot.length - Address.LENGTH, slot.length));
    ObjectNode json = GovernanceJson.NODES.objectNode();
    json.put("proxy", proxy.toString());
    json.put("currentImplementation", current.toString());
    json.put("currentCodeHash", state.codeHash(current).toString());
    json.put("newImplementation", proposed.toString());
    json.put("newCodeHash", state.codeHash(proposed).toString());
    return json;
  }
}
