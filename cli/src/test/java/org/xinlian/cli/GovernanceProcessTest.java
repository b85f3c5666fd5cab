package org.xinlian.cli;

import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/** {@link GovernanceProcessScenarios} on a standard (secp256k1, Keccak) network. */
class GovernanceProcessTest extends GovernanceProcessScenarios {
  @Override
  CryptoSuite suite() {
    return CryptoSuites.standard();
  }
}
