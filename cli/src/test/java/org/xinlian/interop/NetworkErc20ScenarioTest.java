package org.xinlian.interop;

import java.nio.file.Path;

/**
 * Issue 6, "Done when": the README's network (four validator processes with BFT consensus) is
 * used by ethers.js and web3j exactly as anvil and the dev chain are, with the same unmodified
 * ERC-20 scenarios (deploy, transfers, logs, a WebSocket subscription, revert reasons).
 */
class NetworkErc20ScenarioTest extends Erc20Scenarios {
  @Override
  EthereumEndpoint startEndpoint(Path project) {
    return XinlianNetworkEndpoint.start();
  }
}
