package org.xinlian.interop;

/**
 * An Ethereum JSON-RPC endpoint that the real-client scenarios run against. The scenarios only
 * speak standard JSON-RPC, so the same ones prove anvil (the reference) and Xinlian's own node;
 * closing the endpoint stops whatever it started.
 */
interface EthereumEndpoint extends AutoCloseable {
  /** A short name for messages, e.g. "anvil 1.7.1". */
  String name();

  /** HTTP JSON-RPC address, e.g. http://127.0.0.1:8545. */
  String rpcUrl();

  /** WebSocket JSON-RPC address, where eth_subscribe works. */
  String wsUrl();

  @Override
  void close();
}
