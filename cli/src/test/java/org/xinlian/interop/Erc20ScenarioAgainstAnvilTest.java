package org.xinlian.interop;

import java.nio.file.Path;

/**
 * The real-client scenarios against anvil, the reference Ethereum node: this proves the scenarios
 * themselves, so that when they fail against Xinlian the fault is Xinlian's.
 */
class Erc20ScenarioAgainstAnvilTest extends Erc20Scenarios {
  @Override
  EthereumEndpoint startEndpoint(Path project) throws Exception {
    return AnvilEndpoint.start(project);
  }
}
