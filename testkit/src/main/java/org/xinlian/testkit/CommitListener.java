package org.xinlian.testkit;

import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.types.block.Block;

/** Told of every block a node's ledger persists; the simulator's safety checker listens. */
@FunctionalInterface
public interface CommitListener {
  /**
   * @param node the node that committed
   * @param block the block as stored, its header carrying the encoded certificate
   * @param certificate the certificate the engine handed to the application
   * @param stateRoot the root of the state the node computed by executing the block
   */
  void committed(Address node, Block block, CommitCertificate certificate, Hash stateRoot);
}
