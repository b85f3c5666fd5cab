package org.xinlian.cli;

import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/** {@link GovernanceProcessScenarios} on a gm (SM2, SM3) network with SM2 governors (GOV-19). */
class GmGovernanceProcessTest extends GovernanceProcessScenarios {
  @Override
  CryptoSuite suite() {
    return CryptoSuites.byName("gm");
  }
}
