package org.xinlian.interop;

import java.nio.file.Path;

/**
 * Issue 5's real-client scenarios against Xinlian's dev chain: the same ethers.js and web3j
 * scenarios that pass against anvil, unmodified.
 */
class Erc20ScenarioAgainstXinlianTest extends Erc20Scenarios {
  @Override
  EthereumEndpoint startEndpoint(Path project) {
    return XinlianDevEndpoint.start();
  }
}
