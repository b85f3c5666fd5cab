package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.execution.governance.ProposalStatus;
import org.xinlian.execution.governance.Role;

/**
 * {@code xinlian gov}, {@code account}, {@code contract}, {@code node} and {@code param} against an
 * in-process permissioned node (docs/spec/governance.md GOV-18, GOV-6, GOV-19): proposals made
 * field by field and by the shortcuts, refusals printed with the contract's reason and not sent,
 * online votes, and offline votes signed from a proposal file with no connection and submitted.
 */
class GovCommandTest {
  @TempDir Path directory;

  /** A command sent by key {@code key} to the chain's node. */
  private String[] with(PermissionedNode chain, int key, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--rpc", chain.rpc(), "--suite", chain.suite.name(), "--key", "k" + key + ".pem"));
    return all.toArray(String[]::new);
  }

  /** A proposal by key {@code key}, open for 200 blocks. */
  private String[] proposing(PermissionedNode chain, int key, String... args) {
    List<String> all = new ArrayList<>(List.of(with(chain, key, args)));
    all.addAll(List.of("--voting-period", "200"));
    return all.toArray(String[]::new);
  }

  private static GovernanceState state(PermissionedNode chain) {
    return GovernanceState.of(chain.suite, chain.node.states().stateAt(chain.node.head().stateRoot()));
  }

  private static GovernanceRecords.Proposal proposal(PermissionedNode chain, long id) {
    return state(chain).proposal(id, chain.node.head().number() + 1).orElseThrow();
  }

  private static void ok(CliRun.Result result) {
    assertEquals(0, result.exitCode(), result.err());
  }

  private static void refused(CliRun.Result result, String message) {
    assertEquals(1, result.exitCode(), result.out());
    assertTrue(result.err().contains(message), result.err());
  }

  /**
   * GOV-18, GOV-6, GOV-19: propose by field, vote online, and vote offline on both suites — the
   * proposal file carries everything the signature binds, the signer needs no node, and a user
   * submits the vote file.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void proposeVoteAndVoteOffline(String suite) throws Exception {
    try (PermissionedNode chain = new PermissionedNode(directory, suite)) {
      CliRun cli = new CliRun(directory).withSystemClock();
      Address newcomer = chain.address(8);
      CliRun.Result proposed = cli.run(proposing(chain, 0, "gov", "propose", "grant-role", "--account", newcomer.toString(),
          "--role", "operator", "--organisation", "org1"));
      ok(proposed);
      assertTrue(proposed.out().contains("Proposal 1 (GRANT_ROLE) made by " + chain.address(0)), proposed.out());
      assertEquals(ProposalStatus.OPEN, proposal(chain, 1).status());

      CliRun.Result voted = cli.run(with(chain, 0, "gov", "vote", "1", "for"));
      ok(voted);
      assertTrue(voted.out().contains("voted FOR on proposal 1") && voted.out().contains("it is OPEN, for 1, against 0"),
          voted.out());

      // No --suite: the node tells its suite, which the proposal file records for the signer.
      CliRun.Result shown = cli.run("gov", "show", "1", "--rpc", chain.rpc(), "--out", "p1.json");
      ok(shown);
      assertTrue(shown.out().contains("proposal 1: GRANT_ROLE, OPEN") && shown.out().contains(newcomer.toString())
          && shown.out().contains(chain.address(0) + " FOR (weight 1)"), shown.out());

      // The governor's machine has the proposal file and its key, and no node.
      CliRun.Result signed = cli.run("gov", "sign", "1", "--proposal", "p1.json", "--choice", "for", "--key", "k1.pem",
          "--out", "v1.json");
      ok(signed);
      assertTrue(signed.out().contains(chain.address(1) + " signed FOR into v1.json")
          && signed.out().contains("organisation     org1"), signed.out());
      refused(cli.run("gov", "sign", "2", "--proposal", "p1.json", "--choice", "for", "--key", "k1.pem", "--out", "x.json"),
          "p1.json is proposal 1, not 2");
      Files.writeString(directory.resolve("edited.json"), Files.readString(directory.resolve("p1.json"))
          .replace("\"organisation\" : \"org1\"", "\"organisation\" : \"org2\""));
      refused(cli.run("gov", "sign", "1", "--proposal", "edited.json", "--choice", "for", "--key", "k1.pem",
          "--out", "x.json"), "edited.json: do not match the payload");

      CliRun.Result submitted = cli.run("gov", "submit", "v1.json", "--rpc", chain.rpc(), "--key",
          "k" + PermissionedNode.USER + ".pem");
      ok(submitted);
      assertTrue(submitted.out().contains("Submitted 1 vote(s) on proposal 1") && submitted.out().contains("EXECUTED"),
          submitted.out());
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, 1).status());
      assertTrue(state(chain).account(newcomer).holds(Role.OPERATOR));
      refused(cli.run("gov", "submit", "v1.json", "--rpc", chain.rpc(), "--key", "k" + PermissionedNode.USER + ".pem"),
          "refused, nothing sent");
    }
  }

  /** GOV-18: refusals are the contract's, printed with its reason, and nothing is sent. */
  @Test
  void refusalsAreSimulatedAndNotSent() throws Exception {
    try (PermissionedNode chain = new PermissionedNode(directory, "standard")) {
      CliRun cli = new CliRun(directory).withSystemClock();
      long nonce = chain.node.pool().pendingNonce(chain.address(0));
      refused(cli.run(proposing(chain, 0, "gov", "propose", "ADD_GOVERNOR", "--governor", chain.address(8).toString(),
          "--organisation", "org9", "--weight", "1")), "payload.organisation: no organisation \"org9\"");
      refused(cli.run(proposing(chain, PermissionedNode.USER, "gov", "propose", "REMOVE_GOVERNOR", "--governor",
          chain.address(2).toString())), "is not a governor");
      refused(cli.run(proposing(chain, 0, "contract", "freeze", chain.address(8).toString(), "--reason", "x")), "has no code");
      assertEquals(nonce, chain.node.pool().pendingNonce(chain.address(0)), "nothing was sent");
      assertEquals(0, state(chain).proposalCount());

      refused(cli.run(proposing(chain, 0, "gov", "propose", "ADD_GOVERNOR", "--governor", chain.address(8).toString(),
          "--organisation", "org1")), "--weight: required by ADD_GOVERNOR");
      refused(cli.run(proposing(chain, 0, "gov", "propose", "ADD_GOVERNOR", "--governor", chain.address(8).toString(),
          "--organisation", "org1", "--weight", "1", "--reason", "x")), "--reason: not a field of ADD_GOVERNOR");
      refused(cli.run(proposing(chain, 0, "gov", "propose", "ADD_GOVERNOR", "--governor", "0x12",
          "--organisation", "org1", "--weight", "1")), "--governor: \"0x12\" is not an address");
      refused(cli.run(proposing(chain, 0, "gov", "propose", "MAKE_ME_KING")), "KIND: \"MAKE_ME_KING\" is not a proposal kind");
      refused(cli.run(proposing(chain, 0, "account", "grant", chain.address(8).toString(), "--role", "king",
          "--organisation", "org1")), "--role: \"king\" is not a role");
      refused(cli.run(with(chain, 0, "gov", "vote", "1", "maybe")), "CHOICE: \"maybe\" is not for, against or abstain");
      refused(cli.run(with(chain, 0, "gov", "vote", "7", "for")), "refused, nothing sent");
      refused(cli.run(proposing(chain, 0, "param", "set", "gasPrice", "1")), "KEY: \"gasPrice\" is not a system parameter");
      refused(cli.run("gov", "show", "9", "--rpc", chain.rpc()), "no proposal 9");
      refused(cli.run("gov", "list", "--rpc", chain.rpc(), "--suite", "gm"), "serves a standard chain, not gm");
      refused(cli.run(proposing(chain, 0, "node", "remove")), "NODE: name the node once");
    }
  }

  /** GOV-18: the shortcuts make their kinds of proposal; list and param show read them back. */
  @Test
  void shortcutsProposeAndListShowThem() throws Exception {
    try (PermissionedNode chain = new PermissionedNode(directory, "standard")) {
      CliRun cli = new CliRun(directory).withSystemClock();
      Address user = chain.address(PermissionedNode.USER);
      ok(cli.run(proposing(chain, 0, "account", "freeze", user.toString(), "--reason", "lost key")));
      ok(cli.run(proposing(chain, 1, "account", "grant", chain.address(7).toString(), "--role", "auditor",
          "--organisation", "org2")));
      ok(cli.run(proposing(chain, 2, "node", "add-observer", "--node", chain.address(6).toString(),
          "--organisation", "org2")));
      ok(cli.run(proposing(chain, 0, "param", "set", "maxTransactionsPerBlock", "500", "--activation-delay", "1000")));
      ok(cli.run(proposing(chain, 0, "account", "revoke", chain.address(PermissionedNode.OPERATOR).toString(),
          "--role", "operator")));
      GovernanceState state = state(chain);
      assertEquals(5, state.proposalCount());
      assertEquals(List.of("FREEZE_ACCOUNT", "GRANT_ROLE", "ADD_OBSERVER", "SET_PARAMETER", "REVOKE_ROLE"),
          java.util.stream.LongStream.rangeClosed(1, 5).mapToObj(id -> proposal(chain, id).kind().name()).toList());
      assertEquals(chain.address(2), proposal(chain, 3).proposer());
      GovernanceRecords.Proposal parameter = proposal(chain, 4);
      assertEquals("{key=maxTransactionsPerBlock, value=500, activationHeight=" + (parameter.createdAt() - 1 + 1000) + "}",
          ProposalPayloads.describe(parameter.kind(), ProposalPayloads.decode(parameter.kind(), parameter.payload()))
              .toString(), "1000 heights after the head the command read");

      ok(cli.run(with(chain, 0, "gov", "vote", "1", "for")));
      ok(cli.run(with(chain, 1, "gov", "vote", "1", "for")));
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, 1).status());
      assertTrue(!state(chain).account(user).admitted(), "frozen");

      CliRun.Result listed = cli.run("gov", "list", "--rpc", chain.rpc());
      ok(listed);
      List<String> lines = listed.out().lines().toList();
      assertEquals(5, lines.size(), listed.out());
      assertTrue(lines.get(0).contains("5  REVOKE_ROLE") && lines.get(0).contains("OPEN"), lines.get(0));
      assertTrue(lines.get(4).contains("1  FREEZE_ACCOUNT") && lines.get(4).contains("EXECUTED"), lines.get(4));
      CliRun.Result executed = cli.run("gov", "list", "--rpc", chain.rpc(), "--status", "EXECUTED");
      assertEquals(1, executed.out().lines().count(), executed.out());
      CliRun.Result page = cli.run("gov", "list", "--rpc", chain.rpc(), "--count", "2");
      assertTrue(page.out().contains("More: --from-id 3"), page.out());

      CliRun.Result parameters = cli.run("param", "show", "--rpc", chain.rpc());
      ok(parameters);
      assertTrue(parameters.out().contains("blockGasLimit") && parameters.out().contains("30000000")
          && parameters.out().contains("maxTransactionsPerBlock  10000"), parameters.out());
    }
  }
}
