package org.xinlian.cli.network;

import org.xinlian.crypto.CryptoSuites;

/**
 * What {@code xinlian network init} makes: how many validators and observers, in how many
 * organisations, on which suite, and where they listen. Every node listens on {@link #HOST}; node i
 * serves JSON-RPC on {@code rpcBasePort + i} and P2P on {@code p2pBasePort + i}. The validators are
 * nodes 0 to {@code validators - 1}, the observers the nodes after them; node i belongs to
 * organisation {@code i mod organisations} (round robin).
 *
 * @param validators how many validator nodes, 1 to {@link #NODES_MAX}
 * @param observers how many observer nodes (docs/spec/governance.md GOV-14), 0 or more, with the
 *     validators at most {@link #NODES_MAX}
 * @param organisations how many organisations the nodes are grouped into, 1 to the number of nodes
 * @param suite {@code standard} or {@code gm}
 * @param chainId the EIP-155 chain id, at least 1
 * @param rpcBasePort node 0's JSON-RPC port
 * @param p2pBasePort node 0's P2P port
 * @param devAccounts whether genesis funds the ten development accounts
 * @param governance whether genesis carries the consortium's {@code governance} section (GOV-1)
 */
public record NetworkSpec(
    int validators,
    int observers,
    int organisations,
    String suite,
    long chainId,
    int rpcBasePort,
    int p2pBasePort,
    boolean devAccounts,
    boolean governance) {
  /**
   * Most nodes of one local network. Every pair of validators holds a connection and every vote
   * goes to every validator, so a machine running them all is loaded quadratically; 32 is far
   * beyond what one machine runs usefully and still bounds what a typo can ask for.
   */
  public static final int NODES_MAX = 32;

  /**
   * Whether {@code network init} writes the {@code governance} section by default: the one place
   * to switch. Off until the node's genesis reader knows the section (a genesis with it is refused
   * as an unknown field until then); {@code --governance} turns it on for one network.
   */
  public static final String GOVERNANCE_DEFAULT = "true";

  /** All nodes of a local network listen on the loopback interface only. */
  public static final String HOST = "127.0.0.1";

  public static final long CHAIN_ID_DEFAULT = 31_337;
  private static final int PORT_MAX = 65_535;

  public NetworkSpec {
    if (validators < 1 || validators > NODES_MAX) {
      throw new IllegalArgumentException("--validators: must be 1 to " + NODES_MAX + ", got " + validators);
    }
    if (observers < 0 || validators + observers > NODES_MAX) {
      throw new IllegalArgumentException("--observers: must be 0 to " + (NODES_MAX - validators) + " beside "
          + validators + " validator" + (validators == 1 ? "" : "s") + " (at most " + NODES_MAX
          + " nodes), got " + observers);
    }
    if (organisations < 1 || organisations > validators + observers) {
      throw new IllegalArgumentException("--orgs: must be 1 to " + (validators + observers)
          + " (every organisation runs a node), got " + organisations);
    }
    if (!CryptoSuites.names().contains(suite)) {
      throw new IllegalArgumentException("--suite: must be one of " + String.join(", ", CryptoSuites.names())
          + ", got " + suite);
    }
    if (chainId < 1) {
      throw new IllegalArgumentException("--chain-id: must be at least 1, got " + chainId);
    }
    int nodes = validators + observers;
    checkPorts("--rpc-base-port", rpcBasePort, nodes);
    checkPorts("--p2p-base-port", p2pBasePort, nodes);
    if (rpcBasePort < p2pBasePort + nodes && p2pBasePort < rpcBasePort + nodes) {
      throw new IllegalArgumentException("--rpc-base-port and --p2p-base-port: the ports "
          + rpcBasePort + ".." + (rpcBasePort + nodes - 1) + " and " + p2pBasePort + ".."
          + (p2pBasePort + nodes - 1) + " overlap");
    }
  }

  /** The id of organisation {@code organisation} (0-based) in genesis and under ca/: org1, org2, … */
  public static String organisationId(int organisation) {
    return "org" + (organisation + 1);
  }

  /** Its display name: Organisation 1, Organisation 2, … */
  public static String organisationName(int organisation) {
    return "Organisation " + (organisation + 1);
  }

  private static void checkPorts(String option, int basePort, int nodes) {
    if (basePort < 1 || basePort + nodes - 1 > PORT_MAX) {
      throw new IllegalArgumentException(option + ": the ports " + basePort + ".." + (basePort + nodes - 1)
          + " of " + nodes + " nodes must lie in 1..." + PORT_MAX);
    }
  }

  /** Validators and observers. */
  public int nodes() {
    return validators + observers;
  }

  /** Whether node {@code index} is a validator at genesis; the others are observers. */
  public boolean validator(int index) {
    return index < validators;
  }

  /** The organisation (0-based) node {@code index} belongs to. */
  public int organisationOf(int index) {
    return index % organisations;
  }

  public int rpcPort(int index) {
    return rpcBasePort + index;
  }

  public int p2pPort(int index) {
    return p2pBasePort + index;
  }
}
