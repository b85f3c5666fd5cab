package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.Signature;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.GovernanceVotes;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.execution.governance.ProposalStatus;
import org.xinlian.execution.governance.Role;
import org.xinlian.types.block.Receipt;

/**
 * The governance contract's proposals and votes on a two-node permissioned chain
 * (docs/spec/governance.md GOV-2 to GOV-7): every block is executed again by the second node.
 */
class GovernanceContractTest {
  static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  static final Function VOTE = Function.parse("vote(uint64,uint8)");
  static final Function SUBMIT_VOTES = Function.parse("submitVotes(uint64,(uint8,bytes)[])");
  static final Function REVOKE = Function.parse("revoke(uint64)");
  static final Function EXECUTE = Function.parse("execute(uint64)");
  static final Function GET_PROPOSAL = Function.parse("getProposal(uint64)",
      "((uint64,uint8,bytes,address,uint64,uint64,uint64,uint8,uint64,uint64,uint64,uint64,string))");
  static final Function ACCOUNT_OF = Function.parse("accountOf(address)", "((uint8,string,uint8,bool,bool))");
  static final Function VOTE_DIGEST = Function.parse("voteDigest(uint64,uint8)", "(bytes32)");
  static final long PERIOD = 50;

  @TempDir Path directory;

  static byte[] propose(ProposalKind kind, byte[] payload, long executeAt, long period) {
    return PROPOSE.encodeCallWithArgs(kind.code(), payload, BigInteger.valueOf(executeAt),
        BigInteger.valueOf(period)).array();
  }

  static byte[] propose(ProposalKind kind, Object... payload) {
    return propose(kind, ProposalPayloads.encode(kind, payload), 0, PERIOD);
  }

  static byte[] vote(long id, Choice choice) {
    return VOTE.encodeCallWithArgs(BigInteger.valueOf(id), choice.code()).array();
  }

  static com.esaulpaugh.headlong.abi.Address abi(Address address) {
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }

  /** Proposes by {@code key} and returns the new id. */
  static long proposed(GovernanceChain chain, int key, byte[] data) {
    chain.ok(key, data);
    return chain.state().proposalCount();
  }

  static GovernanceRecords.Proposal proposal(GovernanceChain chain, long id) {
    return chain.state().proposal(id, chain.height() + 1).orElseThrow();
  }

  /** GOV-1, GOV-2: genesis writes the consortium, and the ABI reads it as the state reader does. */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void genesisWritesTheConsortiumAndTheAbiReadsIt(String suite) throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, suite, new long[] {2, 1, 1}, "")) {
      var state = chain.state();
      assertTrue(state.permissioned());
      assertEquals(List.of("org1", "org2"), state.organisations().stream().map(GovernanceRecords.Organisation::id).toList());
      assertEquals(4, state.totalWeight());
      assertEquals(2, state.governors().get(0).weight());
      assertTrue(state.account(chain.address(GovernanceChain.OPERATOR)).holds(Role.OPERATOR));
      assertFalse(state.account(chain.address(GovernanceChain.OUTSIDER)).admitted());
      assertTrue(state.account(chain.address(1)).admitted(), "a governor is admitted without a role");
      Tuple account = chain.view(ACCOUNT_OF, abi(chain.address(GovernanceChain.ORG_ADMIN)));
      Tuple fields = account.get(0);
      assertEquals(Role.ORG_ADMIN.bit(), (int) fields.get(0));
      assertEquals("org2", fields.get(1));
      assertEquals(Boolean.TRUE, fields.get(4));
    }
  }

  /** GOV-3: proposals are checked when made; every refusal names its cause and changes nothing. */
  @Test
  void proposalsAreCheckedWhenMade() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      Address newcomer = chain.address(8);
      chain.refused(GovernanceChain.USER, propose(ProposalKind.ADD_GOVERNOR, abi(newcomer), "org1", BigInteger.ONE),
          "proposer: " + chain.address(GovernanceChain.USER) + " is not a governor");
      chain.refused(0, propose(ProposalKind.ADD_GOVERNOR, abi(newcomer), "org1", BigInteger.ZERO),
          "payload.weight: 0 is not 1 to 1000000");
      chain.refused(0, propose(ProposalKind.ADD_GOVERNOR, abi(newcomer), "org9", BigInteger.ONE),
          "payload.organisation: no organisation \"org9\"");
      chain.refused(0, propose(ProposalKind.GRANT_ROLE, abi(newcomer), 9, "org1"),
          "payload.role: 9 is not a role (1 user, 2 operator, 3 auditor, 4 orgAdmin)");
      chain.refused(0, propose(ProposalKind.REMOVE_NODE, abi(chain.address(9))),
          "payload.node: removing " + chain.address(9) + " would leave no validator");
      chain.refused(0, propose(ProposalKind.UPGRADE_CONTRACT, abi(chain.address(3)), abi(chain.address(4))),
          "payload.proxy: " + chain.address(3) + " has no code");
      chain.refused(0, propose(ProposalKind.SET_PARAMETER, "blockGasLimit", BigInteger.valueOf(20_000),
          BigInteger.valueOf(100)), "payload.value: 20000 is outside blockGasLimit's range 21000 to 2000000000");
      chain.refused(0, PROPOSE.encodeCallWithArgs(21, new byte[0], BigInteger.ZERO, BigInteger.ONE).array(),
          "kind: 21 is not a proposal kind (1 to 20)");
      chain.refused(0, propose(ProposalKind.REMOVE_GOVERNOR, new byte[] {1, 2, 3}, 0, PERIOD),
          "payload: not an ABI (address) for REMOVE_GOVERNOR: it ends early (3 bytes)");
      chain.refused(0, propose(ProposalKind.REMOVE_GOVERNOR, ProposalPayloads.encode(ProposalKind.REMOVE_GOVERNOR,
          abi(newcomer)), 0, 0), "votingPeriodBlocks: 0 is not 1 to 1000000");
      // An auditor may ask for a freeze, and for nothing else.
      byte[] freeze = propose(ProposalKind.FREEZE_ACCOUNT, abi(chain.address(GovernanceChain.USER)), "audit finding 7");
      assertEquals("", chain.reason(GovernanceChain.AUDITOR, freeze));
      chain.refused(GovernanceChain.AUDITOR, propose(ProposalKind.UNFREEZE_ACCOUNT,
          abi(chain.address(GovernanceChain.USER)), "x"),
          "proposer: " + chain.address(GovernanceChain.AUDITOR) + " is not a governor");
      assertEquals(0, chain.state().proposalCount());
      long id = proposed(chain, 0, propose(ProposalKind.ADD_GOVERNOR, abi(newcomer), "org2", BigInteger.TWO));
      GovernanceRecords.Proposal stored = proposal(chain, id);
      assertEquals(ProposalKind.ADD_GOVERNOR, stored.kind());
      assertEquals(ProposalStatus.OPEN, stored.status());
      assertEquals(chain.address(0), stored.proposer());
      assertEquals(stored.createdAt() + PERIOD, stored.expiresAt());
      assertEquals("{governor=" + newcomer + ", organisation=org2, weight=2}",
          ProposalPayloads.describe(stored.kind(), ProposalPayloads.decode(stored.kind(), stored.payload())).toString());
    }
  }

  /**
   * GOV-4, GOV-5: tallies use current weights. Weights 2, 1, 1: governor 0 alone does not carry an
   * ADD_GOVERNOR (2 of 4 is below 6667 bps); after its weight becomes 6 the same vote is 6 of 8,
   * and the next vote passes and executes it.
   */
  @Test
  void votesAreCountedByCurrentWeight() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard", new long[] {2, 1, 1}, "")) {
      Address newcomer = chain.address(8);
      long add = proposed(chain, 0, propose(ProposalKind.ADD_GOVERNOR, abi(newcomer), "org2", BigInteger.ONE));
      chain.ok(0, vote(add, Choice.FOR));
      assertEquals(new GovernanceRecords.Tally(2, 0, 0, 4), proposal(chain, add).tally());
      assertEquals(ProposalStatus.OPEN, proposal(chain, add).status());
      chain.refused(0, vote(add, Choice.FOR), "voter: a second vote by " + chain.address(0) + " on proposal " + add);
      chain.refused(GovernanceChain.OPERATOR, vote(add, Choice.FOR),
          "voter: " + chain.address(GovernanceChain.OPERATOR) + " is not a governor");

      long reweigh = proposed(chain, 1, propose(ProposalKind.SET_GOVERNOR_WEIGHT, abi(chain.address(0)),
          BigInteger.valueOf(6)));
      chain.ok(0, vote(reweigh, Choice.FOR));
      Receipt passing = chain.ok(1, vote(reweigh, Choice.FOR));
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, reweigh).status());
      assertTrue(passing.logs().size() >= 3, "vote, passed, governor changed and executed events");
      assertEquals(new GovernanceRecords.Tally(6, 0, 0, 8), proposal(chain, add).tally(), "the open tally moved");

      chain.ok(2, vote(add, Choice.AGAINST));
      GovernanceRecords.Proposal done = proposal(chain, add);
      assertEquals(ProposalStatus.EXECUTED, done.status());
      assertEquals(new GovernanceRecords.Tally(6, 1, 0, 9), done.tally());
      assertEquals(1, chain.state().account(newcomer).governor() ? 1 : 0);
      chain.refused(1, vote(add, Choice.FOR), "id: proposal " + add + " is executed");
    }
  }

  /** GOV-5: a proposal is rejected as soon as it cannot pass; a kind's rule changes by its own vote. */
  @Test
  void rulesDecidePassAndReject() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard", new long[] {2, 1, 1}, "")) {
      long doomed = proposed(chain, 1, propose(ProposalKind.ADD_ORGANISATION, "org3", "Org 3",
          GovernanceChain.caPem(chain.suite, "org3").getBytes(), 10L));
      chain.ok(0, vote(doomed, Choice.AGAINST));
      assertEquals(ProposalStatus.REJECTED, proposal(chain, doomed).status(), "2 of 4 against: 6667 is out of reach");

      // Routine kinds need more than half: 2 of 4 is not enough, 3 is.
      long grant = proposed(chain, 0, propose(ProposalKind.GRANT_ROLE, abi(chain.address(8)), Role.USER.code(), "org1"));
      chain.ok(0, vote(grant, Choice.FOR));
      assertEquals(ProposalStatus.OPEN, proposal(chain, grant).status());
      chain.ok(1, vote(grant, Choice.ABSTAIN));
      assertEquals(ProposalStatus.OPEN, proposal(chain, grant).status(), "abstaining counts for the quorum only");
      chain.ok(2, vote(grant, Choice.FOR));
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, grant).status());
      assertTrue(chain.state().account(chain.address(8)).admitted());

      long unanimous = proposed(chain, 0, propose(ProposalKind.SET_VOTING_RULE, ProposalKind.GRANT_ROLE.code(),
          10_000, 10_000));
      chain.ok(0, vote(unanimous, Choice.FOR));
      chain.ok(1, vote(unanimous, Choice.FOR));
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, unanimous).status());
      long next = proposed(chain, 0, propose(ProposalKind.GRANT_ROLE, abi(chain.address(8)), Role.OPERATOR.code(), "org1"));
      chain.ok(0, vote(next, Choice.FOR));
      chain.ok(1, vote(next, Choice.FOR));
      assertEquals(ProposalStatus.OPEN, proposal(chain, next).status(), "3 of 4 no longer grants a role");
      chain.refused(0, propose(ProposalKind.SET_VOTING_RULE, ProposalKind.GRANT_ROLE.code(), 5000, 5000),
          "payload.approvalBps: 5000 is not 5001 to 10000");
    }
  }

  /** GOV-3: the committee cannot vote itself out of existence. */
  @Test
  void theLastGovernorCannotBeRemoved() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      chain.passed(propose(ProposalKind.REMOVE_GOVERNOR, abi(chain.address(0))));
      assertEquals(2, chain.state().governors().size());
      long second = proposed(chain, 1, propose(ProposalKind.REMOVE_GOVERNOR, abi(chain.address(2))));
      chain.ok(1, vote(second, Choice.FOR));
      chain.ok(2, vote(second, Choice.FOR));
      assertEquals(List.of(chain.address(1)), chain.state().governors().stream()
          .map(GovernanceRecords.Governor::account).toList());
      chain.refused(1, propose(ProposalKind.REMOVE_GOVERNOR, abi(chain.address(1))),
          "payload.governor: removing " + chain.address(1) + " would leave no governor");
      assertEquals(java.util.Optional.of("sender " + chain.address(0) + " is not admitted"),
          chain.a.port.refuseSender(chain.address(0), false), "a removed governor without a role may not send");
    }
  }

  /**
   * GOV-6: votes signed offline count when anyone submits them; a signature for another proposal,
   * another chain or another payload recovers another address and is refused.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void offlineVotesCountAndReplaysAreRefused(String suiteName) throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, suiteName)) {
      var suite = chain.suite;
      Hash genesis = chain.a.blocks.canonicalHash(0).orElseThrow();
      long first = proposed(chain, 0, propose(ProposalKind.FREEZE_ACCOUNT, abi(chain.address(GovernanceChain.USER)), "lost key"));
      long second = proposed(chain, 0, propose(ProposalKind.FREEZE_ACCOUNT, abi(chain.address(GovernanceChain.OPERATOR)), "x"));
      GovernanceRecords.Proposal p = proposal(chain, first);
      byte[] payloadHash = GovernanceVotes.payloadHash(suite, p.kind(), p.payload(), p.executeAt());
      byte[] digest = GovernanceVotes.digest(suite, TestNode.CHAIN_ID, genesis, first, payloadHash, Choice.FOR);
      Tuple onChain = chain.view(VOTE_DIGEST, BigInteger.valueOf(first), Choice.FOR.code());
      assertEquals(Hash.wrap(digest), Hash.wrap(onChain.get(0)), "the contract tells signers the same digest");

      byte[] otherProposal = GovernanceVotes.digest(suite, TestNode.CHAIN_ID, genesis, second, payloadHash, Choice.FOR);
      byte[] otherChain = GovernanceVotes.digest(suite, TestNode.CHAIN_ID + 1, genesis, first, payloadHash, Choice.FOR);
      for (byte[] replayed : List.of(otherProposal, otherChain)) {
        byte[] data = submit(first, Choice.FOR, sign(chain, 1, replayed));
        String reason = chain.reason(GovernanceChain.USER, data);
        // A secp256k1 signature over another digest recovers another key; SM2's embedded key
        // does not verify it at all. Either way it counts for no governor.
        assertTrue(reason.startsWith("votes[0]: ") && reason.endsWith(" is not a governor")
            || reason.startsWith("votes[0].signature: not a valid gm signature"), reason);
      }
      byte[] one = sign(chain, 1, digest);
      byte[] two = sign(chain, 2, digest);
      chain.refused(GovernanceChain.USER, submit(first, Choice.FOR, one, one),
          "votes[1]: a second vote by " + chain.address(1) + " on proposal " + first);
      chain.ok(GovernanceChain.USER, submit(first, Choice.FOR, one, two));
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, first).status());
      assertEquals(Choice.FOR, chain.state().vote(first, chain.address(2)).orElseThrow());
      assertFalse(chain.state().account(chain.address(GovernanceChain.USER)).admitted(), "frozen");
    }
  }

  private static byte[] sign(GovernanceChain chain, int key, byte[] digest) {
    Signature signature = chain.suite.sign(TestNode.key(chain.suite, key).privateKey(), digest);
    return chain.suite.encodeSignature(signature);
  }

  private static byte[] submit(long id, Choice choice, byte[]... signatures) {
    Tuple[] votes = new Tuple[signatures.length];
    for (int i = 0; i < signatures.length; i++) {
      votes[i] = Tuple.from(choice.code(), signatures[i]);
    }
    return SUBMIT_VOTES.encodeCallWithArgs(BigInteger.valueOf(id), (Object) votes).array();
  }

  /**
   * GOV-7: a proposal with an execution height waits for it; execute() before is refused, after
   * it runs; an execution that fails records why and leaves the proposal passed; the proposer
   * revokes; expired proposals take no votes.
   */
  @Test
  void passedProposalsExecuteAtTheirHeight() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      Address account = chain.address(8);
      long executeAt = chain.height() + 6;
      long later = proposed(chain, 0, propose(ProposalKind.GRANT_ROLE,
          ProposalPayloads.encode(ProposalKind.GRANT_ROLE, abi(account), Role.USER.code(), "org1"), executeAt, PERIOD));
      long now = proposed(chain, 1, propose(ProposalKind.GRANT_ROLE, abi(account), Role.USER.code(), "org1"));
      chain.ok(0, vote(later, Choice.FOR));
      chain.ok(1, vote(later, Choice.FOR));
      assertEquals(ProposalStatus.PASSED, proposal(chain, later).status());
      byte[] execute = EXECUTE.encodeCallWithArgs(BigInteger.valueOf(later)).array();
      assertEquals("id: proposal " + later + " executes from height " + executeAt + ", not at " + chain.height(),
          chain.reason(GovernanceChain.OUTSIDER, execute));
      chain.ok(0, vote(now, Choice.FOR));
      chain.ok(1, vote(now, Choice.FOR));
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, now).status());
      while (chain.height() < executeAt) {
        chain.produce(List.of());
      }
      // The same grant already ran: the execution fails, names why, and may be retried later.
      assertEquals("payload.role: " + account + " already holds user", chain.reason(GovernanceChain.USER, execute));
      long revoked = proposed(chain, 2, propose(ProposalKind.REVOKE_ROLE, abi(account), Role.USER.code()));
      byte[] revoke = REVOKE.encodeCallWithArgs(BigInteger.valueOf(revoked)).array();
      chain.refused(0, revoke, "proposer: only " + chain.address(2) + " may revoke proposal " + revoked);
      chain.ok(2, revoke);
      assertEquals(ProposalStatus.REVOKED, proposal(chain, revoked).status());

      long expiring = proposed(chain, 0, propose(ProposalKind.REVOKE_ROLE,
          ProposalPayloads.encode(ProposalKind.REVOKE_ROLE, abi(account), Role.USER.code()), 0, 2));
      long expiresAt = proposal(chain, expiring).expiresAt();
      while (chain.height() <= expiresAt) {
        chain.produce(List.of());
      }
      assertEquals(ProposalStatus.EXPIRED, proposal(chain, expiring).status());
      chain.refused(1, vote(expiring, Choice.FOR), "id: proposal " + expiring + " expired at height " + expiresAt);
    }
  }
}
