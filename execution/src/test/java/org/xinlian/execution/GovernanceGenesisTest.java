package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.Governance;

/** The genesis governance section (GOV-1, GENESIS-2): read strictly, covered by the genesis hash. */
class GovernanceGenesisTest {
  private static final CryptoSuite SUITE = CryptoSuites.byName("standard");
  private static final String GOOD = GovernanceChain.genesisJson(SUITE, "standard", new long[] {1, 1, 1}, "");

  private static GenesisConfig parse(String json) {
    return GenesisConfig.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void refused(String json, String field, String problem) {
    DecodingException e = assertThrows(DecodingException.class, () -> parse(json));
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void aSectionMakesTheChainPermissionedAndTheHashCoversIt() {
    GenesisConfig permissioned = parse(GOOD);
    assertTrue(permissioned.permissioned());
    String withoutSection = GOOD.substring(0, GOOD.indexOf(", \"governance\"")) + "}";
    assertFalse(parse(withoutSection).permissioned(), "no section: an open development chain");
    GenesisConfig heavier = parse(GovernanceChain.genesisJson(SUITE, "standard", new long[] {2, 1, 1}, ""));
    assertNotEquals(Genesis.block(permissioned).header().hash(SUITE), Genesis.block(heavier).header().hash(SUITE),
        "a governor's weight is part of the genesis state");
  }

  @Test
  void badSectionsAreRefusedNamingTheField() {
    refused(GOOD.replaceFirst("\"organisation\": \"org1\", \"weight\"", "\"organisation\": \"org9\", \"weight\""),
        "governance.governors.0.organisation", "no organisation \"org9\"");
    refused(GOOD.replaceFirst("\"weight\": 1", "\"weight\": 0"), "governance.governors.0.weight", "1 to 1000000");
    refused(GOOD.replace("\"role\": \"validator\"", "\"role\": \"voter\""), "governance.nodes.0.role",
        "must be \"validator\" or \"observer\"");
    refused(GOOD.replace("\"role\": \"validator\"", "\"role\": \"observer\""), "governance.nodes",
        "has no entry with its organisation and role \"validator\"");
    refused(GOOD.replace("[\"operator\"]", "[\"admin\"]"), "governance.accounts.0.roles.0",
        "\"admin\" is not a role");
    refused(GOOD.replace("\"id\": \"org2\"", "\"id\": \"Org 2\""), "governance.organisations.1.id",
        "is not 1 to 32 of a-z 0-9 . _ -");
    refused(GOOD.replace("\"id\": \"org2\"", "\"id\": \"org1\""), "governance.organisations.1.id", "listed twice");
    refused(GOOD.replaceFirst("-----BEGIN CERTIFICATE-----\\\\n", "-----BEGIN CERTIFICATE-----\\\\nAAAA"),
        "governance.organisations.0.caCertificate", "not a PEM certificate");
    refused(GOOD.replace("\"accounts\"", "\"members\""), "governance.members", "unknown field");
    refused(GOOD.replace("\"accounts\"", "\"votingRules\": {\"ADD_GOVERNOR\": {\"quorumBps\": 6667, "
        + "\"approvalBps\": 4000}}, \"accounts\""), "governance.votingRules.ADD_GOVERNOR", "approvalBps: 4000");
    refused(GOOD.replace("\"accounts\"", "\"parameters\": {\"blockGasLimit\": 5}, \"accounts\""),
        "governance.parameters.blockGasLimit", "outside 21000 to 2000000000");
    refused(GOOD.replace("\"alloc\": {", "\"alloc\": {\"" + Governance.ADDRESS + "\": {\"balance\": \"1\"}, "),
        "alloc." + Governance.ADDRESS, "reserved for the governance contract");
  }
}
