package org.xinlian.network;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Address;

/** The contract on the in-memory transport (NETWORK-14). */
class SimulatedTransportContractTest extends TransportContract {
  private SimulatedNetwork network;

  @Override
  List<Transport> startCluster(List<RecordingHandler> handlers) {
    network = new SimulatedNetwork(limits());
    List<Transport> nodes = new ArrayList<>();
    for (int i = 0; i < handlers.size(); i++) {
      byte[] address = new byte[Address.LENGTH];
      address[Address.LENGTH - 1] = (byte) (i + 1);
      nodes.add(network.join(new NodeId(Address.wrap(address)), handlers.get(i)));
    }
    nodes.forEach(Transport::start);
    return nodes;
  }

  @Override
  void stopCluster() {
    if (network != null) {
      network.close();
    }
  }

  @Override
  TransportLimits limits() {
    return NettyNodes.LIMITS;
  }
}
