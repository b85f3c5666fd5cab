package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.Governance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xinlian contract deploy-proxy --implementation ADDRESS}: a governed ERC-1967 proxy (GOV-13). */
@Command(
    name = "deploy-proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy contracts/GovernedProxy.sol in front of --implementation: an ERC-1967 proxy whose admin "
          + "is the governance contract, so only an UPGRADE_CONTRACT proposal ('xinlian contract upgrade') "
          + "changes what it runs. --init-data is called on the implementation in the proxy's storage "
          + "(an initialiser), once. On a permissioned chain the sender needs the operator role."
    })
final class ContractDeployProxyCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin GovConnection connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  GovSender sender;

  @Option(names = "--implementation", required = true, paramLabel = "ADDRESS", description = "The code the proxy runs.")
  String implementation;

  @Option(names = "--init-data", paramLabel = "HEX", defaultValue = "0x",
      description = "Call data run once by the constructor (default: none).")
  String initData;

  ContractDeployProxyCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    Address target = ProposalFields.address(implementation, "--implementation");
    byte[] init;
    try {
      init = Hex.decode("--init-data", initData);
    } catch (DecodingException e) {
      throw new UserException("--init-data: not hex bytes: " + initData);
    }
    try (GovernanceSession session = new GovernanceSession(connection, environment)) {
      KeyPair key = sender.keyPair(session.suite, environment);
      JsonNode receipt = session.send(key, Optional.empty(), GovernedProxyArtifact.initCode(target, init),
          "deploy a governed proxy");
      String proxy = receipt.path("contractAddress").asText();
      environment.out().println("Deployed governed proxy " + proxy + " running " + target + " in block "
          + GovPrint.number(receipt.get("blockNumber"), "blockNumber") + "; its ERC-1967 admin is "
          + Governance.ADDRESS + ".");
      environment.out().println("Upgrades are proposals: 'xinlian contract upgrade " + proxy
          + " --implementation NEW'.");
      return 0;
    }
  }
}
