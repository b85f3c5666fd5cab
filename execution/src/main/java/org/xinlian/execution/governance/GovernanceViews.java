package org.xinlian.execution.governance;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.BiFunction;
import org.xinlian.common.Address;
import org.xinlian.execution.governance.GovernanceRecords.Account;
import org.xinlian.execution.governance.GovernanceRecords.Parameter;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;

/** The read functions of the governance ABI (contracts/IXinlianGovernance.sol), ABI-encoded. */
final class GovernanceViews {
  private final GovernanceTables tables;
  private final long height;
  private final BiFunction<Long, Choice, byte[]> voteDigest;

  GovernanceViews(GovernanceTables tables, long height, BiFunction<Long, Choice, byte[]> voteDigest) {
    this.tables = tables;
    this.height = height;
    this.voteDigest = voteDigest;
  }

  byte[] answer(Function view, Tuple args) {
    Tuple result = switch (view.getName()) {
      case "proposalCount" -> Tuple.from(BigInteger.valueOf(tables.proposalCount()));
      case "getProposal" -> Tuple.from(proposal(GovernanceContract.uint64(args.get(0), "id")));
      case "voteOf" -> {
        long id = GovernanceContract.uint64(args.get(0), "id");
        Address governor = ProposalPayloads.toAddress(args.get(1));
        Optional<Choice> choice = tables.proposalExists(id) ? tables.vote(id, governor) : Optional.empty();
        yield Tuple.from(choice.map(Choice::code).orElse(0));
      }
      case "governors" -> Tuple.from((Object) tables.governors().stream()
          .map(g -> Tuple.from(ProposalPayloads.toAbi(g.account()), g.organisation(), BigInteger.valueOf(g.weight())))
          .toArray(Tuple[]::new));
      case "organisations" -> Tuple.from((Object) tables.organisations().stream()
          .map(o -> Tuple.from(o.id(), o.name(), o.caCertificate(), o.userQuota(), o.users()))
          .toArray(Tuple[]::new));
      case "nodes" -> Tuple.from((Object) tables.nodes().stream()
          .map(n -> Tuple.from(ProposalPayloads.toAbi(n.node()), n.organisation(), n.role().code()))
          .toArray(Tuple[]::new));
      case "accountOf" -> {
        Account account = tables.account(ProposalPayloads.toAddress(args.get(0)));
        yield Tuple.from(Tuple.from(account.roles(), account.organisation(), account.status().code(),
            account.governor(), account.admitted()));
      }
      case "votingRule" -> {
        int code = args.get(0);
        ProposalKind kind = ProposalKind.ofCode(code)
            .orElseThrow(() -> GovernanceContract.refusal("kind: " + code + " is not a proposal kind"));
        VotingRule rule = tables.rule(kind);
        yield Tuple.from(rule.quorumBps(), rule.approvalBps());
      }
      case "parameter" -> {
        String key = args.get(0);
        if (org.xinlian.execution.SystemParameters.Key.byName(key).isEmpty()) {
          throw GovernanceContract.refusal("key: \"" + key + "\" is not a system parameter");
        }
        Parameter parameter = tables.parameter(key);
        long next = height + 1;
        boolean pending = parameter.pendingFrom() > next;
        yield Tuple.from(BigInteger.valueOf(parameter.valueAt(next)),
            BigInteger.valueOf(pending ? parameter.pendingValue() : 0),
            BigInteger.valueOf(pending ? parameter.pendingFrom() : 0));
      }
      case "voteDigest" -> Tuple.from((Object) voteDigest.apply(GovernanceContract.uint64(args.get(0), "id"),
          GovernanceContract.choice(args.get(1), "choice")));
      default -> throw new IllegalStateException("governance: no view " + view.getName());
    };
    return view.getOutputs().encode(result).array();
  }

  private Tuple proposal(long id) {
    if (!tables.proposalExists(id)) {
      throw GovernanceContract.refusal("id: no proposal " + id);
    }
    Proposal p = tables.proposal(id, height);
    return Tuple.from(BigInteger.valueOf(p.id()), p.kind().code(), p.payload(), ProposalPayloads.toAbi(p.proposer()),
        BigInteger.valueOf(p.createdAt()), BigInteger.valueOf(p.expiresAt()), BigInteger.valueOf(p.executeAt()),
        p.status().code(), BigInteger.valueOf(p.tally().forWeight()), BigInteger.valueOf(p.tally().againstWeight()),
        BigInteger.valueOf(p.tally().abstainWeight()), BigInteger.valueOf(p.tally().totalWeight()),
        p.executionError());
  }

}
