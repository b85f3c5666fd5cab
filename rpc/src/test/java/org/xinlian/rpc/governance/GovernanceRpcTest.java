package org.xinlian.rpc.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.Function;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.evm.interpreter.ContractAddresses;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.execution.governance.Role;
import org.xinlian.types.block.Receipt;

/**
 * The {@code xinlian_} governance reads over HTTP against a real ledger, execution port and server
 * (docs/spec/governance.md GOV-16, GOV-1, GOV-19): proposals are made and voted with signed
 * transactions through eth_sendRawTransaction, and each read is checked field by field.
 */
class GovernanceRpcTest {
  static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  static final Function VOTE = Function.parse("vote(uint64,uint8)");
  static final long PERIOD = 50;

  @TempDir Path directory;

  static com.esaulpaugh.headlong.abi.Address abi(Address address) {
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }

  static byte[] propose(ProposalKind kind, Object... payload) {
    return PROPOSE.encodeCallWithArgs(kind.code(), ProposalPayloads.encode(kind, payload), BigInteger.ZERO,
        BigInteger.valueOf(PERIOD)).array();
  }

  static byte[] vote(long id, Choice choice) {
    return VOTE.encodeCallWithArgs(BigInteger.valueOf(id), choice.code()).array();
  }

  static void succeeded(Receipt receipt) {
    assertTrue(receipt.success(), "the governance transaction failed");
  }

  static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** GOV-16, GOV-19: the consortium as genesis wrote it, on both suites. */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void getGovernanceShowsTheConsortium(String suite) throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, suite, true)) {
      JsonNode governance = chain.call("xinlian_getGovernance", "[]");
      assertEquals("permissioned", governance.get("mode").asText());
      assertEquals(suite, governance.get("suite").asText());
      assertEquals("0x0", governance.get("blockNumber").asText());
      JsonNode organisations = governance.get("organisations");
      assertEquals(2, organisations.size());
      assertEquals("org1", organisations.get(0).get("id").asText());
      assertEquals("Organisation org1", organisations.get(0).get("name").asText());
      assertEquals(chain.caPem("org1"), organisations.get(0).get("caCertificate").asText());
      assertEquals("0x64", organisations.get(0).get("userQuota").asText());
      assertEquals("0x0", organisations.get(0).get("users").asText());
      assertEquals("0x1", organisations.get(1).get("userQuota").asText());
      JsonNode governors = governance.get("governors");
      assertEquals(3, governors.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(chain.address(i).toString(), governors.get(i).get("address").asText());
        assertEquals("0x1", governors.get(i).get("weight").asText());
      }
      assertEquals("org2", governors.get(1).get("organisation").asText());
      assertEquals("0x3", governance.get("totalWeight").asText());
      assertEquals("[{\"address\":\"" + chain.address(GovernanceTestChain.VALIDATOR)
          + "\",\"organisation\":\"org1\",\"role\":\"validator\"}]", governance.get("nodes").toString());
      JsonNode rules = governance.get("votingRules");
      assertEquals(ProposalKind.values().length, rules.size());
      assertEquals("{\"quorumBps\":\"0x1a0b\",\"approvalBps\":\"0x1a0b\"}", rules.get("ADD_GOVERNOR").toString(),
          "6667 bps");
      assertEquals("{\"quorumBps\":\"0x1389\",\"approvalBps\":\"0x1389\"}", rules.get("GRANT_ROLE").toString(),
          "5001 bps");
      assertEquals("0x0", chain.call("xinlian_getGovernance", "[\"earliest\"]").get("blockNumber").asText());
      assertEquals(-32602, chain.error("xinlian_getGovernance", "[\"soon\"]").get("code").asInt());
    }
  }

  /**
   * GOV-16: a proposal made and voted by transactions reads with its payload by field name, the
   * raw payload, its heights, tally, rule, votes and status, and the account it granted a role to
   * reads as admitted.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void getProposalFollowsTheVotes(String suite) throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, suite, true)) {
      Address newcomer = chain.address(8);
      assertEquals("[]", chain.call("xinlian_getAccount", "[\"" + newcomer + "\"]").get("roles").toString());
      assertFalse(chain.call("xinlian_getAccount", "[\"" + newcomer + "\"]").get("admitted").asBoolean());
      byte[] grant = ProposalPayloads.encode(ProposalKind.GRANT_ROLE, abi(newcomer), Role.OPERATOR.code(), "org1");
      succeeded(chain.governance(0, propose(ProposalKind.GRANT_ROLE, abi(newcomer), Role.OPERATOR.code(), "org1")));
      long createdAt = chain.head().number();

      JsonNode open = chain.call("xinlian_getProposal", "[\"0x1\"]");
      assertEquals("0x1", open.get("id").asText());
      assertEquals("GRANT_ROLE", open.get("kind").asText());
      assertEquals("{\"account\":\"" + newcomer + "\",\"role\":\"2\",\"organisation\":\"org1\"}",
          open.get("payload").toString());
      assertEquals(Hex.encode(grant), open.get("rawPayload").asText());
      assertEquals(chain.address(0).toString(), open.get("proposer").asText());
      assertEquals(hex(createdAt), open.get("createdAt").asText());
      assertEquals(hex(createdAt + PERIOD), open.get("expiresAt").asText());
      assertEquals("0x0", open.get("executeAt").asText());
      assertEquals("OPEN", open.get("status").asText());
      assertEquals("{\"for\":\"0x0\",\"against\":\"0x0\",\"abstain\":\"0x0\",\"total\":\"0x3\","
          + "\"quorumBps\":\"0x1389\",\"approvalBps\":\"0x1389\"}", open.get("tally").toString());
      assertTrue(open.get("executionError").isNull());
      assertEquals("[]", open.get("votes").toString());
      assertFalse(open.has("upgrade"));

      succeeded(chain.governance(0, vote(1, Choice.FOR)));
      succeeded(chain.governance(2, vote(1, Choice.ABSTAIN)));
      JsonNode voted = chain.call("xinlian_getProposal", "[\"0x1\"]");
      assertEquals("OPEN", voted.get("status").asText(), "1 of 3 for is below 5001 bps");
      assertEquals("[{\"governor\":\"" + chain.address(0) + "\",\"choice\":\"FOR\",\"weight\":\"0x1\"},"
          + "{\"governor\":\"" + chain.address(2) + "\",\"choice\":\"ABSTAIN\",\"weight\":\"0x1\"}]",
          voted.get("votes").toString());
      succeeded(chain.governance(1, vote(1, Choice.FOR)));
      JsonNode executed = chain.call("xinlian_getProposal", "[\"0x1\"]");
      assertEquals("EXECUTED", executed.get("status").asText());
      assertEquals("0x2", executed.get("tally").get("for").asText());
      assertEquals("0x1", executed.get("tally").get("abstain").asText());
      // The same proposal as of the block that recorded it: open, no votes yet.
      JsonNode before = chain.call("xinlian_getProposal", "[\"0x1\", \"" + hex(createdAt) + "\"]");
      assertEquals("OPEN", before.get("status").asText());
      assertEquals("[]", before.get("votes").toString());

      JsonNode account = chain.call("xinlian_getAccount", "[\"" + newcomer + "\"]");
      assertEquals("{\"address\":\"" + newcomer + "\",\"roles\":[\"operator\"],\"organisation\":\"org1\","
          + "\"status\":\"normal\",\"governor\":false,\"admitted\":true,\"hasCode\":false}", account.toString());
      assertEquals("[\"operator\"]", chain.call("xinlian_getAccount",
          "[\"" + chain.address(GovernanceTestChain.OPERATOR) + "\"]").get("roles").toString());
      JsonNode governor = chain.call("xinlian_getAccount", "[\"" + chain.address(1) + "\"]");
      assertTrue(governor.get("governor").asBoolean() && governor.get("admitted").asBoolean());
      assertEquals("[]", governor.get("roles").toString());
      assertEquals("org2", governor.get("organisation").asText(), "a governor's organisation");
      JsonNode outsider = chain.call("xinlian_getAccount", "[\"" + chain.address(GovernanceTestChain.OUTSIDER) + "\"]");
      assertTrue(outsider.get("organisation").isNull() && !outsider.get("admitted").asBoolean(), outsider.toString());

      assertTrue(chain.call("xinlian_getProposal", "[\"0x2\"]").isNull(), "no proposal 2");
    }
  }

  /** GOV-16: an account with code reads as one, frozen after a freeze proposal passes. */
  @Test
  void getAccountTellsContractsAndTheirStatus() throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, "standard", true)) {
      // Init code that returns one byte of runtime code (STOP): PUSH1 1 PUSH1 0 RETURN after MSTORE8.
      byte[] init = Hex.decode("0x600060005360016000f3");
      chain.send(GovernanceTestChain.OPERATOR, Optional.empty(), init);
      Receipt deployed = chain.produceBlock().receipts().get(0);
      assertTrue(deployed.success(), "the operator deploys");
      Address contract = ContractAddresses.create(chain.address(GovernanceTestChain.OPERATOR), 0);
      JsonNode before = chain.call("xinlian_getAccount", "[\"" + contract + "\"]");
      assertTrue(before.get("hasCode").asBoolean(), before.toString());
      assertEquals("normal", before.get("status").asText());
      succeeded(chain.governance(0, propose(ProposalKind.FREEZE_CONTRACT, abi(contract), "incident 12")));
      succeeded(chain.governance(0, vote(1, Choice.FOR)));
      succeeded(chain.governance(1, vote(1, Choice.FOR)));
      assertEquals("frozen", chain.call("xinlian_getAccount", "[\"" + contract + "\"]").get("status").asText());
      assertEquals("normal", chain.call("xinlian_getAccount", "[\"" + contract + "\", \"0x1\"]")
          .get("status").asText(), "as of block 1");
      assertEquals("{\"account\":\"" + contract + "\",\"reason\":\"incident 12\"}",
          chain.call("xinlian_getProposal", "[\"0x1\"]").get("payload").toString());
    }
  }

  /** GOV-16: listings are newest first, filtered by status, bounded by count, continued by next. */
  @Test
  void getProposalsListsNewestFirst() throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, "standard", true)) {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        succeeded(chain.governance(i % 3, propose(ProposalKind.FREEZE_ACCOUNT,
            abi(chain.address(GovernanceTestChain.USER)), "reason " + i)));
        ids.add((long) i + 1);
      }
      succeeded(chain.governance(0, vote(2, Choice.AGAINST)));
      succeeded(chain.governance(1, vote(2, Choice.AGAINST)));

      JsonNode all = chain.call("xinlian_getProposals", "[]");
      assertEquals(List.of("0x4", "0x3", "0x2", "0x1"), idsOf(all));
      assertTrue(all.get("next").isNull());
      assertFalse(all.get("proposals").get(0).has("votes"), "listings leave the votes out");
      assertEquals("reason 3", all.get("proposals").get(0).get("payload").get("reason").asText());

      JsonNode page = chain.call("xinlian_getProposals", "[{\"count\": \"0x2\"}]");
      assertEquals(List.of("0x4", "0x3"), idsOf(page));
      assertEquals("0x2", page.get("next").asText());
      JsonNode rest = chain.call("xinlian_getProposals", "[{\"count\": \"0x2\", \"fromId\": \"0x2\"}]");
      assertEquals(List.of("0x2", "0x1"), idsOf(rest));
      assertTrue(rest.get("next").isNull());

      assertEquals(List.of("0x2"), idsOf(chain.call("xinlian_getProposals", "[{\"status\": \"REJECTED\"}]")));
      assertEquals(List.of("0x4", "0x3", "0x1"), idsOf(chain.call("xinlian_getProposals",
          "[{\"status\": \"open\"}]")));
      assertEquals(List.of("0x4", "0x3", "0x2", "0x1"), idsOf(chain.call("xinlian_getProposals",
          "[{\"fromId\": \"0x63\"}]")), "fromId above the newest starts at the newest");

      assertParamsError(chain, "xinlian_getProposals", "[{\"count\": \"0x65\"}]", "filter.count");
      assertParamsError(chain, "xinlian_getProposals", "[{\"count\": \"0x0\"}]", "filter.count");
      assertParamsError(chain, "xinlian_getProposals", "[{\"count\": 5}]", "filter.count");
      assertParamsError(chain, "xinlian_getProposals", "[{\"status\": \"DONE\"}]", "filter.status");
      assertParamsError(chain, "xinlian_getProposals", "[{\"from\": \"0x1\"}]", "filter.from");
      assertParamsError(chain, "xinlian_getProposals", "[[]]", "filter");
    }
  }

  private static List<String> idsOf(JsonNode listing) {
    List<String> ids = new ArrayList<>();
    listing.get("proposals").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private static void assertParamsError(GovernanceTestChain chain, String method, String params, String field)
      throws Exception {
    JsonNode error = chain.error(method, params);
    assertEquals(-32602, error.get("code").asInt(), error.toString());
    assertTrue(error.get("message").asText().contains("(" + field + ")"), error.toString());
  }

  /** GOV-16: malformed parameters are -32602 naming the argument. */
  @Test
  void badParametersNameTheField() throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, "standard", true)) {
      assertParamsError(chain, "xinlian_getProposal", "[\"1\"]", "id");
      assertParamsError(chain, "xinlian_getProposal", "[null]", "id");
      assertParamsError(chain, "xinlian_getAccount", "[\"0x1234\"]", "address");
      assertParamsError(chain, "xinlian_getSystemParameters", "[\"0xzz\"]", "block");
      assertEquals(-32001, chain.error("xinlian_getAccount", "[\"" + chain.address(0) + "\", \"0x9\"]")
          .get("code").asInt(), "a block above the head");
    }
  }

  /**
   * GOV-15, GOV-16: the parameters in force for the next block, and a change a vote scheduled with
   * its activation height; as of the block before the vote there is none.
   */
  @Test
  void getSystemParametersShowsScheduledChanges() throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(directory, "standard", true)) {
      JsonNode genesis = chain.call("xinlian_getSystemParameters", "[]");
      assertEquals("permissioned", genesis.get("mode").asText());
      assertEquals("0x1", genesis.get("height").asText());
      JsonNode parameters = genesis.get("parameters");
      assertEquals("{\"value\":\"" + hex(GovernanceTestChain.BLOCK_GAS_LIMIT)
          + "\",\"pendingValue\":null,\"activationHeight\":null}", parameters.get("blockGasLimit").toString());
      assertEquals(hex(GovernanceTestChain.BLOCK_INTERVAL_MS), parameters.get("blockIntervalMs").get("value").asText());
      assertEquals(hex(10_000), parameters.get("maxTransactionsPerBlock").get("value").asText());
      assertEquals(hex(GovernanceTestChain.BLOCK_GAS_LIMIT), parameters.get("transactionGasLimit").get("value").asText());
      assertEquals("0x0", parameters.get("roundTimeoutMs").get("value").asText());

      // Far enough ahead that this test never reaches it: only the schedule is read here.
      long activation = chain.head().number() + 500;
      succeeded(chain.governance(0, propose(ProposalKind.SET_PARAMETER, "maxTransactionsPerBlock",
          BigInteger.valueOf(500), BigInteger.valueOf(activation))));
      long beforeVotes = chain.head().number();
      succeeded(chain.governance(0, vote(1, Choice.FOR)));
      succeeded(chain.governance(1, vote(1, Choice.FOR)));
      assertEquals("EXECUTED", chain.call("xinlian_getProposal", "[\"0x1\"]").get("status").asText());
      JsonNode scheduled = chain.call("xinlian_getSystemParameters", "[\"latest\"]");
      assertEquals(hex(chain.head().number() + 1), scheduled.get("height").asText());
      assertEquals("{\"value\":\"" + hex(10_000) + "\",\"pendingValue\":\"" + hex(500) + "\",\"activationHeight\":\""
          + hex(activation) + "\"}", scheduled.get("parameters").get("maxTransactionsPerBlock").toString());
      assertTrue(chain.call("xinlian_getSystemParameters", "[\"" + hex(beforeVotes) + "\"]").get("parameters")
          .get("maxTransactionsPerBlock").get("pendingValue").isNull());
    }
  }

  /**
   * GOV-1: an open development chain says so in web3_clientVersion and xinlian_getGovernance,
   * answers its genesis parameters, and refuses the reads that need members with a clear error;
   * a permissioned chain's version has no suffix.
   */
  @Test
  void aDevelopmentChainSaysSo() throws Exception {
    try (GovernanceTestChain chain = new GovernanceTestChain(Files.createDirectories(directory.resolve("dev")),
        "standard", false)) {
      assertTrue(chain.call("web3_clientVersion", "[]").asText().endsWith("/dev"));
      assertEquals("{\"mode\":\"dev\",\"suite\":\"standard\"}", chain.call("xinlian_getGovernance", "[]").toString());
      JsonNode parameters = chain.call("xinlian_getSystemParameters", "[]");
      assertEquals("dev", parameters.get("mode").asText());
      assertEquals(hex(GovernanceTestChain.BLOCK_GAS_LIMIT), parameters.get("parameters").get("blockGasLimit")
          .get("value").asText());
      assertEquals(hex(GovernanceTestChain.BLOCK_INTERVAL_MS), parameters.get("parameters").get("blockIntervalMs")
          .get("value").asText());
      for (String method : List.of("xinlian_getAccount", "xinlian_getProposal")) {
        JsonNode error = chain.error(method, method.endsWith("Account") ? "[\"" + chain.address(0) + "\"]" : "[\"0x1\"]");
        assertEquals(-32004, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("open development chain"), error.toString());
      }
      assertEquals(-32004, chain.error("xinlian_getProposals", "[]").get("code").asInt());
    }
    try (GovernanceTestChain chain = new GovernanceTestChain(Files.createDirectories(directory.resolve("p")),
        "standard", true)) {
      String version = chain.call("web3_clientVersion", "[]").asText();
      assertTrue(version.startsWith("Xinlian/") && !version.endsWith("/dev"), version);
    }
  }
}
