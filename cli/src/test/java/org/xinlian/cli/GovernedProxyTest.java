package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.Function;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.Keccak256;
import org.xinlian.execution.governance.Governance;

/**
 * The governed proxy (docs/spec/governance.md GOV-13, GOV-18, GOV-19): contracts/GovernedProxy.sol
 * compiled by the pinned solc is the creation code the CLI embeds; deployed with {@code xinlian
 * contract deploy-proxy} in front of a counter, it runs the counter in its own storage, and an
 * UPGRADE_CONTRACT proposal voted through makes it run the second version with the count kept,
 * the upgrade announced by {@code Upgraded} from the proxy and both code hashes shown beforehand.
 */
class GovernedProxyTest {
  static final String IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
  static final String ADMIN_SLOT = "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103";
  static final Function COUNT = Function.parse("count()", "(uint256)");
  static final Function VERSION = Function.parse("version()", "(uint256)");
  static final Function INCREMENT = Function.parse("increment()");
  static final Function INITIALIZE = Function.parse("initialize(uint256)");
  static final Hash UPGRADED = Hash.wrap(Keccak256.hash("Upgraded(address)".getBytes(StandardCharsets.US_ASCII)));
  private static final Pattern DEPLOYED = Pattern.compile("Deployed governed proxy (0x[0-9a-f]{40})");

  @TempDir Path directory;

  /** GOV-13: the CLI's embedded creation code is what the pinned solc makes of the source today. */
  @Test
  void embeddedCreationCodeIsTheCompiledSource() throws Exception {
    JsonNode embedded = GovernedProxyArtifact.resource();
    assertEquals(GovernedArtifacts.compiled().path("compiler").asText(), embedded.path("compiler").asText());
    assertEquals(GovernedArtifacts.bytecode("GovernedProxy"), embedded.path("bytecode").asText(),
        "contracts/GovernedProxy.sol changed: regenerate cli/src/main/resources/org/xinlian/cli/GovernedProxy.json "
            + "from interop-erc20/build/Governed.json (node compile-governed.mjs)");
  }

  /** GOV-13, GOV-18, GOV-19: deploy, call through, upgrade by vote, keep the storage; on both suites. */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void upgradeByVoteKeepsTheStorage(String suite) throws Exception {
    try (PermissionedNode chain = new PermissionedNode(directory, suite);
        GovernanceSession session = new GovernanceSession(java.net.URI.create(chain.rpc()), chain.suite.name(), 60,
            environment())) {
      // Implementations are deployed by the operator, as deploy rights require (GOV-8).
      Address v1 = deploy(session, chain, Hex.decode(GovernedArtifacts.bytecode("CounterV1")));
      Address v2 = deploy(session, chain, Hex.decode(GovernedArtifacts.bytecode("CounterV2")));
      CliRun cli = new CliRun(directory).withSystemClock();
      CliRun.Result deployed = cli.run("contract", "deploy-proxy", "--implementation", v1.toString(), "--init-data",
          Hex.encode(INITIALIZE.encodeCallWithArgs(BigInteger.valueOf(41)).array()), "--rpc", chain.rpc(),
          "--suite", suite, "--key", "k" + PermissionedNode.OPERATOR + ".pem");
      assertEquals(0, deployed.exitCode(), deployed.err());
      Matcher matcher = DEPLOYED.matcher(deployed.out());
      assertTrue(matcher.find(), deployed.out());
      Address proxy = Address.fromHex(matcher.group(1));
      assertEquals(word(Governance.ADDRESS), storage(session, proxy, ADMIN_SLOT));
      assertEquals(word(v1), storage(session, proxy, IMPLEMENTATION_SLOT));
      assertEquals(41, read(session, proxy, COUNT), "initialised through the proxy, in its storage");
      assertEquals(0, read(session, v1, COUNT), "not in the implementation's");
      assertEquals(1, read(session, proxy, VERSION));
      send(session, chain, PermissionedNode.USER, proxy, INCREMENT.encodeCall(com.esaulpaugh.headlong.abi.Tuple.EMPTY).array());
      assertEquals(42, read(session, proxy, COUNT));

      CliRun.Result noCode = cli.run("contract", "deploy-proxy", "--implementation", chain.address(8).toString(),
          "--rpc", chain.rpc(), "--suite", suite, "--key", "k" + PermissionedNode.OPERATOR + ".pem");
      assertEquals(1, noCode.exitCode());
      assertTrue(noCode.err().contains("refused, nothing sent") && noCode.err().contains("implementation has no code"),
          noCode.err());
      // An upgrade of a contract that is not a governed proxy is refused.
      CliRun.Result notGoverned = cli.run(proposing(chain, 0, "contract", "upgrade", v1.toString(),
          "--implementation", v2.toString()));
      assertEquals(1, notGoverned.exitCode());
      assertTrue(notGoverned.err().contains("is not a governed proxy"), notGoverned.err());

      CliRun.Result proposed = cli.run(proposing(chain, 0, "contract", "upgrade", proxy.toString(),
          "--implementation", v2.toString()));
      assertEquals(0, proposed.exitCode(), proposed.err());
      JsonNode upgrade = session.proposal(1).get("upgrade");
      assertEquals(proxy.toString(), upgrade.get("proxy").asText());
      assertEquals(v1.toString(), upgrade.get("currentImplementation").asText());
      assertEquals(codeHash(session, v1), upgrade.get("currentCodeHash").asText());
      assertEquals(v2.toString(), upgrade.get("newImplementation").asText());
      assertEquals(codeHash(session, v2), upgrade.get("newCodeHash").asText());
      CliRun.Result shown = cli.run("gov", "show", "1", "--rpc", chain.rpc(), "--suite", suite);
      assertTrue(shown.out().contains("runs now:          " + v1 + " (code hash " + codeHash(session, v1) + ")")
          && shown.out().contains("would run:         " + v2 + " (code hash " + codeHash(session, v2) + ")"),
          shown.out());

      // UPGRADE_CONTRACT needs more than two thirds: all three governors of weight 1.
      for (int governor = 0; governor < 3; governor++) {
        CliRun.Result voted = cli.run("gov", "vote", "1", "for", "--rpc", chain.rpc(), "--suite", suite,
            "--key", "k" + governor + ".pem");
        assertEquals(0, voted.exitCode(), voted.err());
      }
      assertEquals("EXECUTED", session.proposal(1).get("status").asText());
      assertEquals(word(v2), storage(session, proxy, IMPLEMENTATION_SLOT));
      assertEquals(42, read(session, proxy, COUNT), "the count survives the upgrade");
      assertEquals(2, read(session, proxy, VERSION));
      send(session, chain, PermissionedNode.USER, proxy, INCREMENT.encodeCall(com.esaulpaugh.headlong.abi.Tuple.EMPTY).array());
      assertEquals(52, read(session, proxy, COUNT), "version 2 adds ten");

      JsonNode logs = session.call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "latest",
          "address", proxy.toString(), "topics", List.of(UPGRADED.toString())));
      assertEquals(2, logs.size(), logs.toString());
      assertEquals(word(v1), logs.get(0).path("topics").get(1).asText(), "the constructor's");
      assertEquals(word(v2), logs.get(1).path("topics").get(1).asText(), "the governance contract's, from the proxy");
      JsonNode after = session.proposal(1).get("upgrade");
      assertEquals(v2.toString(), after.get("currentImplementation").asText());
      assertEquals(after.get("newCodeHash"), after.get("currentCodeHash"));

      CliRun.Result again = cli.run(proposing(chain, 0, "contract", "upgrade", proxy.toString(),
          "--implementation", v2.toString()));
      assertEquals(1, again.exitCode());
      assertTrue(again.err().contains("already runs " + v2), again.err());
    }
  }

  private String[] proposing(PermissionedNode chain, int key, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--rpc", chain.rpc(), "--suite", chain.suite.name(), "--key", "k" + key + ".pem",
        "--voting-period", "100"));
    return all.toArray(String[]::new);
  }

  private CliEnvironment environment() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new CliEnvironment(System.in, sink, sink, prompt -> Optional.empty(), Clock.system(), new SecureRandom(),
        directory);
  }

  private static Address deploy(GovernanceSession session, PermissionedNode chain, byte[] code) {
    JsonNode receipt = session.send(chain.key(PermissionedNode.OPERATOR), Optional.empty(), code, "deploy");
    return Address.fromHex(receipt.path("contractAddress").asText());
  }

  private static void send(GovernanceSession session, PermissionedNode chain, int key, Address to, byte[] data) {
    session.send(chain.key(key), Optional.of(to), data, "call " + to);
  }

  private static long read(GovernanceSession session, Address contract, Function function) {
    Map<String, String> call = new LinkedHashMap<>();
    call.put("to", contract.toString());
    call.put("data", Hex.encode(function.encodeCall(com.esaulpaugh.headlong.abi.Tuple.EMPTY).array()));
    byte[] output = Hex.decode(session.call("eth_call", call, "latest").asText());
    return ((BigInteger) function.decodeReturn(output).get(0)).longValueExact();
  }

  private static String storage(GovernanceSession session, Address contract, String slot) {
    return session.call("eth_getStorageAt", contract.toString(), slot, "latest").asText();
  }

  private static String codeHash(GovernanceSession session, Address contract) {
    return Hash.wrap(Keccak256.hash(Hex.decode(session.call("eth_getCode", contract.toString(), "latest").asText())))
        .toString();
  }

  /** An address as a 32-byte storage word or log topic. */
  private static String word(Address address) {
    return "0x" + "0".repeat(24) + address.toString().substring(2);
  }
}
