package org.xinlian.execution.governance;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.precompile.SystemContract;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.governance.GovernanceRecords.Account;
import org.xinlian.execution.governance.GovernanceRecords.Proposal;
import org.xinlian.execution.governance.GovernanceRecords.Tally;

/**
 * The governance system contract at {@link Governance#ADDRESS} (docs/adr/0013, GOV-2 to GOV-13):
 * dispatches the ABI of contracts/IXinlianGovernance.sol. Deterministic in the state, the block
 * number and the message; every refusal is a revert whose {@code Error(string)} names the cause,
 * and a refused call changes nothing (the message processor drops the writes).
 */
final class GovernanceContract implements SystemContract {
  private final CryptoSuite suite;
  private final long chainId;
  private final Hash genesisHash;
  private final ValidatorHistory genesisValidators;

  GovernanceContract(CryptoSuite suite, long chainId, Hash genesisHash, ValidatorHistory genesisValidators) {
    this.suite = suite;
    this.chainId = chainId;
    this.genesisHash = genesisHash;
    this.genesisValidators = genesisValidators;
  }

  @Override
  public Result call(WorldState state, BlockContext block, Message message) {
    if (message.gas() < Governance.CALL_GAS) {
      return Result.outOfGas();
    }
    GovernanceStorage.Meter meter = new GovernanceStorage.Meter(message.gas());
    meter.charge(Governance.CALL_GAS);
    try {
      Call call = new Call(state, block.number(), message, meter);
      byte[] output = call.dispatch();
      return Result.success(meter.used(), output, call.events.logs());
    } catch (Refusal refusal) {
      return Result.revert(Math.min(meter.used(), message.gas()), ValidatorGovernance.errorData(refusal.getMessage()));
    } catch (GovernanceStorage.OutOfGas e) {
      return Result.outOfGas();
    }
  }

  /** A refusal: the call reverts with this reason. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One call's context. */
  private final class Call {
    private final WorldState state;
    private final long height;
    private final Message message;
    private final GovernanceStorage.Meter meter;
    private final GovernanceTables tables;
    private final ProposalRules rules;
    private final GovernanceEvents events;

    Call(WorldState state, long height, Message message, GovernanceStorage.Meter meter) {
      this.state = state;
      this.height = height;
      this.message = message;
      this.meter = meter;
      this.tables = new GovernanceTables(new GovernanceStorage(suite, state, meter));
      this.rules = new ProposalRules(suite, genesisValidators, state, tables);
      this.events = new GovernanceEvents(meter);
    }

    byte[] dispatch() {
      byte[] input = message.input();
      if (message.kind() != MessageKind.CALL && message.kind() != MessageKind.STATICCALL
          || !message.recipient().equals(Governance.ADDRESS)) {
        throw new Refusal("call: governance answers only a CALL or STATICCALL to " + Governance.ADDRESS
            + " (got " + message.kind() + ")");
      }
      if (!message.value().isZero()) {
        throw new Refusal("value: the governance contract accepts no value");
      }
      if (input.length > Governance.CALL_INPUT_BYTES_MAX) {
        throw new Refusal("input: " + input.length + " bytes, more than " + Governance.CALL_INPUT_BYTES_MAX);
      }
      if (input.length < 4) {
        throw new Refusal("input: no function selector");
      }
      byte[] selector = Arrays.copyOf(input, 4);
      for (Function view : new Function[] {GovernanceAbi.PROPOSAL_COUNT, GovernanceAbi.GET_PROPOSAL,
          GovernanceAbi.VOTE_OF, GovernanceAbi.GOVERNORS, GovernanceAbi.ORGANISATIONS, GovernanceAbi.NODES,
          GovernanceAbi.ACCOUNT_OF, GovernanceAbi.VOTING_RULE, GovernanceAbi.PARAMETER, GovernanceAbi.VOTE_DIGEST}) {
        if (Arrays.equals(selector, view.selector())) {
          return new GovernanceViews(tables, height, this::voteDigest).answer(view, decode(view, input));
        }
      }
      Function[] writes = {GovernanceAbi.PROPOSE, GovernanceAbi.VOTE, GovernanceAbi.SUBMIT_VOTES,
          GovernanceAbi.REVOKE, GovernanceAbi.EXECUTE, GovernanceAbi.ADMIT_USER, GovernanceAbi.REMOVE_USER};
      for (Function write : writes) {
        if (Arrays.equals(selector, write.selector())) {
          if (message.isStatic()) {
            throw new Refusal("call: " + write.getName() + " changes state and cannot run in a static call");
          }
          Tuple args = decode(write, input);
          return switch (write.getName()) {
            case "propose" -> propose(args);
            case "vote" -> vote(args);
            case "submitVotes" -> submitVotes(args);
            case "revoke" -> revoke(args);
            case "execute" -> executeCall(args);
            case "admitUser" -> admitUser(args, true);
            default -> admitUser(args, false);
          };
        }
      }
      throw new Refusal("input: unknown function selector 0x" + java.util.HexFormat.of().formatHex(selector));
    }

    private Tuple decode(Function function, byte[] input) {
      try {
        return function.decodeCall(input);
      } catch (RuntimeException e) {
        throw new Refusal(function.getName() + ": malformed arguments (" + e.getMessage() + ")");
      }
    }

    // ---------------------------------------------------------------- propose

    private byte[] propose(Tuple args) {
      int code = args.get(0);
      ProposalKind kind = ProposalKind.ofCode(code)
          .orElseThrow(() -> new Refusal("kind: " + code + " is not a proposal kind (1 to " + ProposalKind.values().length + ")"));
      byte[] payload = args.get(1);
      long executeAt = uint64(args.get(2), "executeAt");
      long votingPeriod = uint64(args.get(3), "votingPeriodBlocks");
      Address proposer = message.sender();
      Account account = tables.account(proposer);
      boolean auditor = account.admitted() && account.holds(Role.AUDITOR) && kind.auditorMayPropose();
      if (!account.governor() && !auditor) {
        throw new Refusal("proposer: " + proposer + " is not a governor"
            + (kind.auditorMayPropose() ? " or an auditor" : ""));
      }
      if (votingPeriod < 1 || votingPeriod > Governance.VOTING_PERIOD_BLOCKS_MAX) {
        throw new Refusal("votingPeriodBlocks: " + votingPeriod + " is not 1 to " + Governance.VOTING_PERIOD_BLOCKS_MAX);
      }
      if (executeAt != 0 && executeAt > height + Governance.EXECUTE_AHEAD_BLOCKS_MAX) {
        throw new Refusal("executeAt: " + executeAt + " is more than " + Governance.EXECUTE_AHEAD_BLOCKS_MAX
            + " blocks after " + height);
      }
      Tuple decoded = decodePayload(kind, payload);
      String problem = rules.check(kind, decoded, height);
      if (problem != null) {
        throw new Refusal(problem);
      }
      List<Long> open = new ArrayList<>();
      for (long id : tables.openProposalsBy(proposer)) {
        if (tables.proposal(id, height).status() == ProposalStatus.OPEN) {
          open.add(id);
        }
      }
      if (open.size() >= Governance.OPEN_PROPOSALS_PER_PROPOSER_MAX) {
        throw new Refusal("proposer: " + proposer + " already has " + open.size() + " open proposals");
      }
      long expiresAt = height + votingPeriod;
      long id = tables.addProposal(kind, payload, proposer, height, expiresAt, executeAt);
      open.add(id);
      tables.setOpenProposalsBy(proposer, open);
      events.proposalCreated(id, kind, proposer, payload, executeAt, expiresAt);
      return GovernanceAbi.PROPOSE.getOutputs().encode(Tuple.from(BigInteger.valueOf(id))).array();
    }

    private Tuple decodePayload(ProposalKind kind, byte[] payload) {
      try {
        return ProposalPayloads.decode(kind, payload);
      } catch (IllegalArgumentException e) {
        throw new Refusal(e.getMessage());
      }
    }

    // ---------------------------------------------------------------- votes

    private byte[] vote(Tuple args) {
      long id = uint64(args.get(0), "id");
      Choice choice = choice(args.get(1), "choice");
      Proposal proposal = openProposal(id);
      countVote(proposal, message.sender(), choice, "voter");
      decide(id);
      return new byte[0];
    }

    private byte[] submitVotes(Tuple args) {
      long id = uint64(args.get(0), "id");
      Tuple[] votes = args.get(1);
      if (votes.length == 0 || votes.length > Governance.SIGNED_VOTES_PER_CALL_MAX) {
        throw new Refusal("votes: " + votes.length + " votes, not 1 to " + Governance.SIGNED_VOTES_PER_CALL_MAX);
      }
      Proposal proposal = openProposal(id);
      byte[] payloadHash = GovernanceVotes.payloadHash(suite, proposal.kind(), proposal.payload(), proposal.executeAt());
      for (int i = 0; i < votes.length; i++) {
        String field = "votes[" + i + "]";
        Choice choice = choice(votes[i].get(0), field + ".choice");
        meter.charge(Governance.SIGNATURE_GAS);
        Address signer;
        try {
          byte[] digest = GovernanceVotes.digest(suite, chainId, genesisHash, id, payloadHash, choice);
          signer = suite.address(suite.recoverSigner(digest, suite.decodeSignature(votes[i].get(1))));
        } catch (RuntimeException e) {
          throw new Refusal(field + ".signature: not a valid " + suite.name() + " signature (" + e.getMessage() + ")");
        }
        countVote(proposal, signer, choice, field);
      }
      decide(id);
      return new byte[0];
    }

    private Proposal openProposal(long id) {
      if (!tables.proposalExists(id)) {
        throw new Refusal("id: no proposal " + id);
      }
      Proposal proposal = tables.proposal(id, height);
      if (proposal.status() == ProposalStatus.EXPIRED) {
        throw new Refusal("id: proposal " + id + " expired at height " + proposal.expiresAt());
      }
      if (proposal.status() != ProposalStatus.OPEN) {
        throw new Refusal("id: proposal " + id + " is " + proposal.status().name().toLowerCase());
      }
      return proposal;
    }

    private void countVote(Proposal proposal, Address voter, Choice choice, String field) {
      Optional<GovernanceRecords.Governor> governor = tables.governor(voter);
      if (governor.isEmpty()) {
        throw new Refusal(field + ": " + voter + " is not a governor");
      }
      if (tables.vote(proposal.id(), voter).isPresent()) {
        throw new Refusal(field + ": a second vote by " + voter + " on proposal " + proposal.id());
      }
      tables.addVote(proposal.id(), voter, choice);
      events.voteCast(proposal.id(), voter, choice, governor.get().weight());
    }

    /** Passes, rejects or leaves open proposal {@code id} by its tally (GOV-5), and executes it when due. */
    private void decide(long id) {
      Proposal proposal = tables.proposal(id, height);
      VotingRule rule = tables.rule(proposal.kind());
      Tally tally = proposal.tally();
      long total = tally.totalWeight();
      if (VotingRule.reaches(tally.voted(), rule.quorumBps(), total)
          && VotingRule.reaches(tally.forWeight(), rule.approvalBps(), total)) {
        tables.setStatus(id, ProposalStatus.PASSED);
        events.statusChanged(id, ProposalStatus.PASSED);
        if (proposal.executeAt() <= height) {
          String failure = execute(proposal);
          if (failure != null) {
            tables.setExecutionError(id, failure);
            events.executionFailed(id, failure);
          }
        }
      } else if (!VotingRule.reaches(tally.forWeight() + (total - tally.voted()), rule.approvalBps(), total)) {
        tables.setStatus(id, ProposalStatus.REJECTED);
        events.statusChanged(id, ProposalStatus.REJECTED);
      }
    }

    /** Executes a passed proposal: null when done, else why not (nothing changed then). */
    private String execute(Proposal proposal) {
      Tuple payload = ProposalPayloads.decode(proposal.kind(), proposal.payload());
      String problem = rules.check(proposal.kind(), payload, height);
      if (problem != null) {
        return problem;
      }
      int checkpoint = state.checkpoint();
      try {
        rules.apply(proposal.kind(), payload, height, events);
      } catch (IllegalArgumentException e) {
        state.revertTo(checkpoint);
        return e.getMessage();
      }
      state.commit(checkpoint);
      tables.setStatus(proposal.id(), ProposalStatus.EXECUTED);
      tables.setExecutionError(proposal.id(), "");
      events.statusChanged(proposal.id(), ProposalStatus.EXECUTED);
      return null;
    }

    private byte[] executeCall(Tuple args) {
      long id = uint64(args.get(0), "id");
      if (!tables.proposalExists(id)) {
        throw new Refusal("id: no proposal " + id);
      }
      Proposal proposal = tables.proposal(id, height);
      if (proposal.status() != ProposalStatus.PASSED) {
        throw new Refusal("id: proposal " + id + " is " + proposal.status().name().toLowerCase() + ", not passed");
      }
      if (proposal.executeAt() > height) {
        throw new Refusal("id: proposal " + id + " executes from height " + proposal.executeAt()
            + ", not at " + height);
      }
      String failure = execute(proposal);
      if (failure != null) {
        throw new Refusal(failure);
      }
      return new byte[0];
    }

    private byte[] revoke(Tuple args) {
      long id = uint64(args.get(0), "id");
      Proposal proposal = openProposal(id);
      if (!proposal.proposer().equals(message.sender())) {
        throw new Refusal("proposer: only " + proposal.proposer() + " may revoke proposal " + id);
      }
      tables.setStatus(id, ProposalStatus.REVOKED);
      events.statusChanged(id, ProposalStatus.REVOKED);
      return new byte[0];
    }

    // ---------------------------------------------------------------- organisation admins

    private byte[] admitUser(Tuple args, boolean admit) {
      Address admin = message.sender();
      Account adminAccount = tables.account(admin);
      if (!adminAccount.admitted() || !adminAccount.holds(Role.ORG_ADMIN)) {
        throw new Refusal("sender: " + admin + " is not an organisation admin");
      }
      String organisation = adminAccount.organisation();
      Address user = ProposalPayloads.toAddress(args.get(0));
      Account account = tables.account(user);
      if (account.status() == AccountStatus.ABOLISHED) {
        throw new Refusal("account: " + user + " is abolished");
      }
      if (account.roles() != 0 && !account.organisation().equals(organisation)) {
        throw new Refusal("account: " + user + " belongs to " + account.organisation() + ", not " + organisation);
      }
      GovernanceRecords.Organisation org = tables.organisation(organisation)
          .orElseThrow(() -> new Refusal("sender: organisation " + organisation + " no longer exists"));
      if (admit) {
        if (account.holds(Role.USER)) {
          throw new Refusal("account: " + user + " is already a user of " + organisation);
        }
        if (org.users() >= org.userQuota()) {
          throw new Refusal("account: " + organisation + " has admitted " + org.users() + " users, its quota");
        }
        int roles = account.roles() | Role.USER.bit();
        tables.setRoles(user, roles, organisation);
        tables.setAdmittedByAdmin(user, true);
        tables.addOrganisationUsers(organisation, 1);
        events.rolesChanged(user, organisation, roles);
      } else {
        if (!account.holds(Role.USER) || !tables.admittedByAdmin(user)) {
          throw new Refusal("account: " + user + " is not a user admitted by " + organisation + "'s admins");
        }
        int roles = account.roles() & ~Role.USER.bit();
        tables.setRoles(user, roles, organisation);
        tables.setAdmittedByAdmin(user, false);
        tables.addOrganisationUsers(organisation, -1);
        events.rolesChanged(user, roles == 0 ? "" : organisation, roles);
      }
      return new byte[0];
    }

    // ---------------------------------------------------------------- helpers

    private byte[] voteDigest(long id, Choice choice) {
      if (!tables.proposalExists(id)) {
        throw new Refusal("id: no proposal " + id);
      }
      Proposal proposal = tables.proposal(id, height);
      return GovernanceVotes.digest(suite, chainId, genesisHash, id,
          GovernanceVotes.payloadHash(suite, proposal.kind(), proposal.payload(), proposal.executeAt()), choice);
    }
  }

  static long uint64(BigInteger value, String field) {
    if (value.bitLength() > 63) {
      throw new Refusal(field + ": " + value + " is too large");
    }
    return value.longValue();
  }

  static Choice choice(int code, String field) {
    return Choice.ofCode(code)
        .orElseThrow(() -> new Refusal(field + ": " + code + " is not a choice (1 for, 2 against, 3 abstain)"));
  }

  /** Thrown by views for a bad argument; the call reverts with it. */
  static RuntimeException refusal(String reason) {
    return new Refusal(reason);
  }
}
