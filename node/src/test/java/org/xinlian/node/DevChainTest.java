package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

class DevChainTest {
  /**
   * NODE-5: the hard-coded dev keys are the well-known ones (their addresses, printed by anvil and
   * Hardhat, are the independent source) and each key really controls its address.
   */
  @Test
  void everyDevKeyControlsItsAddress() {
    CryptoSuite suite = CryptoSuites.standard();
    assertEquals(10, DevChain.ACCOUNTS.size());
    for (int i = 0; i < DevChain.ACCOUNTS.size(); i++) {
      assertEquals(DevChain.ACCOUNTS.get(i).address(),
          suite.address(suite.keyPairFromPrivateKey(DevChain.privateKey(i)).publicKey()), "account " + i);
    }
    System.out.println("DevChainTest: 10 dev keys, 10 addresses match");
  }
}
