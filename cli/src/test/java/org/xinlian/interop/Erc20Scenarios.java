package org.xinlian.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;

/**
 * Issue 5, real clients: ethers.js v6 and web3j each deploy an OpenZeppelin ERC-20 compiled by
 * solc (cancun), transfer, read balances, get the Transfer event from eth_getLogs and from a
 * WebSocket subscription, see revert reasons, and send a transaction with exactly the estimated gas.
 * A subclass says which endpoint; both clients share it, as users of one running node do, so the
 * scenarios also prove they work on a chain that already has history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Erc20Scenarios {
  private Path project;
  private EthereumEndpoint endpoint;

  /** Starts the endpoint under test; it must fund {@link DevelopmentAccounts#ACCOUNT_0_ADDRESS}. */
  abstract EthereumEndpoint startEndpoint(Path project) throws Exception;

  @BeforeAll
  void start() throws Exception {
    project = Erc20InteropProject.prepare();
    endpoint = startEndpoint(project);
  }

  @AfterAll
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void ethersScenarioPasses() throws Exception {
    EthersErc20Scenario.run(
            project, endpoint, DevelopmentAccounts.ACCOUNT_0_PRIVATE_KEY, DevelopmentAccounts.ACCOUNT_1_ADDRESS)
        .assertAllPassed();
  }

  @Test
  void web3jScenarioPasses() throws Exception {
    Web3jScenario.run(
            endpoint,
            Credentials.create(DevelopmentAccounts.ACCOUNT_0_PRIVATE_KEY),
            DevelopmentAccounts.ACCOUNT_1_ADDRESS,
            Erc20InteropProject.artifact(project))
        .assertAllPassed();
  }
}
