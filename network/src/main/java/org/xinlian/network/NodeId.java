package org.xinlian.network;

import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PublicKey;

/**
 * Who a peer is: the address of its node key, the key its consortium certificate certifies. Why
 * the address: it is what validator sets, commit certificates and the chain already name, so the
 * application can attribute every inbound message to a validator without another lookup.
 */
public record NodeId(Address address) implements Comparable<NodeId> {
  public NodeId {
    if (address == null) {
      throw new IllegalArgumentException("nodeId.address: required");
    }
  }

  /** The node id of a node key on the given suite. */
  public static NodeId of(CryptoSuite suite, PublicKey nodeKey) {
    return new NodeId(suite.address(nodeKey));
  }

  @Override
  public int compareTo(NodeId other) {
    return address.compareTo(other.address);
  }

  @Override
  public String toString() {
    return address.toString();
  }
}
