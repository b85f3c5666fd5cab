package org.xinlian.cli.network;

import org.xinlian.crypto.CryptoSuites;

/**
 * What {@code xinlian network init} makes: how many nodes, on which suite, and where they listen.
 * Every node listens on {@link #HOST}; node i serves JSON-RPC on {@code rpcBasePort + i} and P2P
 * on {@code p2pBasePort + i}.
 *
 * @param nodes how many validator nodes, 1 to {@link #NODES_MAX}
 * @param suite {@code standard} or {@code gm}
 * @param chainId the EIP-155 chain id, at least 1
 * @param rpcBasePort node 0's JSON-RPC port
 * @param p2pBasePort node 0's P2P port
 * @param devAccounts whether genesis funds the ten development accounts
 */
public record NetworkSpec(
    int nodes, String suite, long chainId, int rpcBasePort, int p2pBasePort, boolean devAccounts) {
  /**
   * Most nodes of one local network. Every pair of validators holds a connection and every vote
   * goes to every validator, so a machine running them all is loaded quadratically; 32 is far
   * beyond what one machine runs usefully and still bounds what a typo can ask for.
   */
  public static final int NODES_MAX = 32;

  /** All nodes of a local network listen on the loopback interface only. */
  public static final String HOST = "127.0.0.1";

  public static final long CHAIN_ID_DEFAULT = 31_337;
  private static final int PORT_MAX = 65_535;

  public NetworkSpec {
    if (nodes < 1 || nodes > NODES_MAX) {
      throw new IllegalArgumentException("--nodes: must be 1 to " + NODES_MAX + ", got " + nodes);
    }
    if (!CryptoSuites.names().contains(suite)) {
      throw new IllegalArgumentException("--suite: must be one of " + String.join(", ", CryptoSuites.names())
          + ", got " + suite);
    }
    if (chainId < 1) {
      throw new IllegalArgumentException("--chain-id: must be at least 1, got " + chainId);
    }
    checkPorts("--rpc-base-port", rpcBasePort, nodes);
    checkPorts("--p2p-base-port", p2pBasePort, nodes);
    if (rpcBasePort < p2pBasePort + nodes && p2pBasePort < rpcBasePort + nodes) {
      throw new IllegalArgumentException("--rpc-base-port and --p2p-base-port: the ports "
          + rpcBasePort + ".." + (rpcBasePort + nodes - 1) + " and " + p2pBasePort + ".."
          + (p2pBasePort + nodes - 1) + " overlap");
    }
  }

  private static void checkPorts(String option, int basePort, int nodes) {
    if (basePort < 1 || basePort + nodes - 1 > PORT_MAX) {
      throw new IllegalArgumentException(option + ": the ports " + basePort + ".." + (basePort + nodes - 1)
          + " of " + nodes + " nodes must lie in 1..." + PORT_MAX);
    }
  }

  public int rpcPort(int index) {
    return rpcBasePort + index;
  }

  public int p2pPort(int index) {
    return p2pBasePort + index;
  }
}
