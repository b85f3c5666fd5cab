package org.xinlian.node.consensus;

/**
 * The application channels a node uses on the P2P transport (docs/spec/network.md NETWORK-6): one
 * per protocol, so each is decoded by its own strict codec and a flood on one cannot be mistaken
 * for another.
 */
final class P2pChannels {
  /** Consensus messages, handed to the engine as they are (docs/spec/consensus.md CONSENSUS-9). */
  static final int CONSENSUS = 1;
  /** Batches of raw transactions (NODE-11). */
  static final int TRANSACTIONS = 2;
  /** Head announcements, block requests and answers (NODE-12). */
  static final int BLOCK_SYNC = 3;

  private P2pChannels() {}
}
