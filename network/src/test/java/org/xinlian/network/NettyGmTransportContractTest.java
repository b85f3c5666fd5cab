package org.xinlian.network;

/** The contract over sockets on a gm chain: SM2 node certificates (NETWORK-15). */
class NettyGmTransportContractTest extends NettyTransportContractTest {
  @Override
  String suiteName() {
    return "gm";
  }
}
