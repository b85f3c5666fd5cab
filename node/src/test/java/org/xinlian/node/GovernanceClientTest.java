package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.governance.GovernanceVotes;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.sdk.ContractRevertedException;
import org.xinlian.sdk.Signer;
import org.xinlian.sdk.XinlianClient;
import org.xinlian.sdk.governance.Choice;
import org.xinlian.sdk.governance.GovernanceClient;
import org.xinlian.sdk.governance.GovernanceProposal;
import org.xinlian.sdk.governance.ProposalDraft;
import org.xinlian.sdk.governance.ProposalKind;
import org.xinlian.sdk.governance.ProposalStatus;
import org.xinlian.sdk.governance.Role;
import org.xinlian.sdk.governance.SignedVote;
import org.xinlian.sdk.governance.VoteDigest;
import org.xinlian.sdk.governance.VoteSubject;

/**
 * The SDK's {@code GovernanceClient} against a real permissioned node (docs/spec/governance.md
 * GOV-17, GOV-6, GOV-19): a proposal built with a typed builder, an online vote and an offline vote
 * signed without a connection on each suite and submitted by a user; the SDK's own ABI and vote
 * digest equal the node's.
 */
class GovernanceClientTest {
  @TempDir Path directory;

  /** GOV-17, GOV-6, GOV-19: propose, vote online, sign offline and submit, on both suites. */
  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void proposeVoteAndSubmitOfflineVotes(String suiteName) throws Exception {
    try (PermissionedChain chain = new PermissionedChain(directory, suiteName)) {
      CryptoSuite suite = chain.suite;
      XinlianClient client = XinlianClient.connect(chain.rpc(), suite);
      GovernanceClient governance = new GovernanceClient(client, NodeFixture.DEADLINE);
      Signer proposer = new Signer(suite, chain.key(0).privateKey());
      Signer user = new Signer(suite, chain.key(PermissionedChain.USER).privateKey());
      Address newcomer = chain.address(8);

      long id = governance.propose(proposer, ProposalDraft.grantRole(newcomer, Role.OPERATOR, "org1").votingPeriod(100));
      assertEquals(1, id);
      GovernanceProposal open = governance.getProposal(id).orElseThrow();
      assertEquals(ProposalKind.GRANT_ROLE, open.kind());
      assertEquals(Map.of("account", newcomer.toString(), "role", "2", "organisation", "org1"), open.payload());
      assertEquals(ProposalStatus.OPEN, open.status());
      assertEquals(chain.address(0), open.proposer());
      assertEquals(open.createdAt() + 100, open.expiresAt());

      ContractRevertedException refused = assertThrows(ContractRevertedException.class,
          () -> governance.vote(user, id, Choice.FOR));
      assertEquals(Optional.of("voter: " + chain.address(PermissionedChain.USER) + " is not a governor"),
          refused.reason());
      governance.vote(proposer, id, Choice.FOR);

      // Governor 1 signs on an air-gapped machine: only the subject travels there.
      VoteSubject subject = governance.voteSubject(id);
      assertEquals(PermissionedChain.CHAIN_ID, subject.chainId());
      assertEquals(chain.node.blocks().canonicalHash(0).orElseThrow(), subject.genesisHash());
      SignedVote offline = GovernanceClient.signVoteOffline(suite, chain.key(1).privateKey(), subject, Choice.FOR);
      assertEquals(suiteName.equals(CryptoSuites.GM) ? 128 : 65, offline.signature().length);
      assertArrayEquals(VoteDigest.digest(suite, subject, Choice.FOR), governance.voteDigest(id, Choice.FOR),
          "the contract tells signers the digest the SDK signs");
      governance.submitVotes(user, id, List.of(offline));

      GovernanceProposal executed = governance.getProposal(id).orElseThrow();
      assertEquals(ProposalStatus.EXECUTED, executed.status());
      assertEquals(2, executed.tally().forWeight());
      assertEquals(List.of(new GovernanceProposal.Vote(chain.address(0), Choice.FOR, 1),
          new GovernanceProposal.Vote(chain.address(1), Choice.FOR, 1)), executed.votes());
      assertTrue(client.request("xinlian_getAccount", newcomer.toString()).get("admitted").asBoolean());
      assertTrue(governance.getProposal(id + 1).isEmpty());
      assertTrue(chain.node.producerFailure().isEmpty());
    }
  }

  /**
   * GOV-17, GOV-6: the SDK's payload hash and vote digest are the node's GovernanceVotes on both
   * suites, for several kinds, payloads, heights and choices.
   */
  @Test
  void theSdkDigestIsTheNodes() {
    Hash genesis = Hash.wrap(CryptoSuites.standard().hash(new byte[] {7}));
    for (String suiteName : List.of(CryptoSuites.STANDARD, CryptoSuites.GM)) {
      CryptoSuite suite = CryptoSuites.byName(suiteName);
      Address account = suite.address(suite.keyPairFromPrivateKey(new byte[] {
          0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}).publicKey());
      List<ProposalDraft> drafts = List.of(ProposalDraft.freezeAccount(account, "lost key"),
          ProposalDraft.setParameter("blockGasLimit", 40_000_000, 1_000).executeAt(900),
          ProposalDraft.addGovernor(account, "org2", 3));
      long id = 1;
      for (ProposalDraft draft : drafts) {
        for (Choice choice : Choice.values()) {
          VoteSubject subject = new VoteSubject(4242 + id, genesis, id, draft.kind(), draft.payload(), draft.executeAt());
          org.xinlian.execution.governance.ProposalKind nodeKind =
              org.xinlian.execution.governance.ProposalKind.ofCode(draft.kind().code()).orElseThrow();
          byte[] payloadHash = GovernanceVotes.payloadHash(suite, nodeKind, draft.payload(), draft.executeAt());
          assertArrayEquals(payloadHash, VoteDigest.payloadHash(suite, draft.kind(), draft.payload(), draft.executeAt()));
          assertArrayEquals(GovernanceVotes.digest(suite, subject.chainId(), genesis, id, payloadHash,
              org.xinlian.execution.governance.Choice.ofCode(choice.code()).orElseThrow()),
              VoteDigest.digest(suite, subject, choice), suiteName + " " + draft.kind() + " " + choice);
        }
        id++;
      }
    }
  }

  /**
   * GOV-17: the SDK's kinds are the node's (code, ABI tuple, field names), and every typed builder
   * encodes a payload the node decodes to the fields it was given.
   */
  @Test
  void theSdkAbiIsTheNodes() {
    for (ProposalKind kind : ProposalKind.values()) {
      var nodeKind = org.xinlian.execution.governance.ProposalKind.ofCode(kind.code()).orElseThrow();
      assertEquals(nodeKind.name(), kind.name());
      assertEquals(nodeKind.payloadType(), kind.payloadType());
      StringBuilder fields = new StringBuilder();
      for (int i = 0; i < nodeKind.fieldCount(); i++) {
        fields.append(i == 0 ? "" : ",").append(nodeKind.fieldName(i));
      }
      assertEquals(fields.toString(), kind.fieldNames());
    }
    assertEquals(org.xinlian.execution.governance.ProposalKind.values().length, ProposalKind.values().length);
    Address a = Address.fromHex("0x00000000000000000000000000000000000000aa");
    Address b = Address.fromHex("0x00000000000000000000000000000000000000bb");
    Map<ProposalDraft, String> expected = new java.util.LinkedHashMap<>();
    expected.put(ProposalDraft.addGovernor(a, "org1", 5), "{governor=" + a + ", organisation=org1, weight=5}");
    expected.put(ProposalDraft.removeGovernor(a), "{governor=" + a + "}");
    expected.put(ProposalDraft.setGovernorWeight(a, 7), "{governor=" + a + ", weight=7}");
    expected.put(ProposalDraft.setVotingRule(ProposalKind.GRANT_ROLE, 6000, 7000), "{kind=11, quorumBps=6000, approvalBps=7000}");
    expected.put(ProposalDraft.addOrganisation("org3", "Org 3", "PEM".getBytes(), 10), "{id=org3, name=Org 3, caCertificate=PEM, userQuota=10}");
    expected.put(ProposalDraft.removeOrganisation("org3"), "{id=org3}");
    expected.put(ProposalDraft.addValidator(a, "org1"), "{node=" + a + ", organisation=org1}");
    expected.put(ProposalDraft.addObserver(a, "org2"), "{node=" + a + ", organisation=org2}");
    expected.put(ProposalDraft.removeNode(a), "{node=" + a + "}");
    expected.put(ProposalDraft.setParameter("roundTimeoutMs", 2_000, 77), "{key=roundTimeoutMs, value=2000, activationHeight=77}");
    expected.put(ProposalDraft.grantRole(a, Role.AUDITOR, "org2"), "{account=" + a + ", role=3, organisation=org2}");
    expected.put(ProposalDraft.revokeRole(a, Role.USER), "{account=" + a + ", role=1}");
    expected.put(ProposalDraft.freezeAccount(a, "r1"), "{account=" + a + ", reason=r1}");
    expected.put(ProposalDraft.unfreezeAccount(a, "r2"), "{account=" + a + ", reason=r2}");
    expected.put(ProposalDraft.abolishAccount(a, "r3"), "{account=" + a + ", reason=r3}");
    expected.put(ProposalDraft.freezeContract(b, "r4"), "{account=" + b + ", reason=r4}");
    expected.put(ProposalDraft.unfreezeContract(b, "r5"), "{account=" + b + ", reason=r5}");
    expected.put(ProposalDraft.abolishContract(b, "r6"), "{account=" + b + ", reason=r6}");
    expected.put(ProposalDraft.upgradeContract(a, b), "{proxy=" + a + ", implementation=" + b + "}");
    expected.put(ProposalDraft.scheduleFeature("header-feature-digest", 90),
        "{feature=header-feature-digest, activationHeight=90}");
    assertEquals(ProposalKind.values().length, expected.size(), "a builder for every kind");
    for (Map.Entry<ProposalDraft, String> entry : expected.entrySet()) {
      var nodeKind = org.xinlian.execution.governance.ProposalKind.ofCode(entry.getKey().kind().code()).orElseThrow();
      assertEquals(entry.getValue(), ProposalPayloads.describe(nodeKind,
          ProposalPayloads.decode(nodeKind, entry.getKey().payload())).toString(), nodeKind.name());
    }
    assertThrows(IllegalArgumentException.class, () -> ProposalDraft.addGovernor(a, "org1", -1));
    assertThrows(IllegalArgumentException.class, () -> ProposalDraft.removeNode(a).votingPeriod(0));
  }
}
