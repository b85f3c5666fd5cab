package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.network.MessageHandler;
import org.xinlian.network.NodeId;
import org.xinlian.network.SimulatedNetwork;
import org.xinlian.network.Transport;
import org.xinlian.network.TransportLimits;
import org.xinlian.types.rlp.RlpWriter;

/**
 * NODE-11: a transaction that becomes pending on one node reaches the other's pool, is not sent
 * back, and malformed or repeated batches change nothing (over the in-memory transport, which
 * passes the same contract as TCP).
 */
class TransactionGossipTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  private final List<KeyPair> keys = TestLedger.keys(suite, 4);
  private final KeyPair sender = suite.generateKeyPair(new SecureRandom());

  /** Routes the transactions channel to a gossip wired after the transport exists. */
  private static final class Handler implements MessageHandler {
    volatile TransactionGossip gossip;

    @Override
    public void onMessage(NodeId peer, int channel, byte[] payload) {
      if (channel == P2pChannels.TRANSACTIONS) {
        gossip.onMessage(payload);
      }
    }
  }

  @Test
  void pendingTransactionsReachPeersOnceAndBadBatchesAreCounted() throws Exception {
    try (SimulatedNetwork network = new SimulatedNetwork(TransportLimits.defaults());
        TestLedger first = new TestLedger(suite, keys, sender);
        TestLedger second = new TestLedger(suite, keys, sender)) {
      Handler firstHandler = new Handler();
      Handler secondHandler = new Handler();
      Transport firstTransport = network.join(new NodeId(first.validator(0)), firstHandler);
      Transport secondTransport = network.join(new NodeId(first.validator(1)), secondHandler);
      var executor = Executors.newFixedThreadPool(2);
      try (TransactionGossip a = new TransactionGossip(firstTransport, first.pool, suite, executor);
          TransactionGossip b = new TransactionGossip(secondTransport, second.pool, suite, executor)) {
        firstHandler.gossip = a;
        secondHandler.gossip = b;
        firstTransport.start();
        secondTransport.start();
        a.start();
        b.start();
        await(() -> firstTransport.connectedPeers().size() == 1 && secondTransport.connectedPeers().size() == 1);
        byte[] raw = first.transfer(0);
        assertTrue(first.pool.add(raw).accepted());
        await(() -> second.pool.pendingCount() == 1 && a.sent() == 1 && b.admitted() == 1);

        // The same batch again: known, so neither admitted again nor sent on.
        byte[] batch = new RlpWriter().startList().writeBytes(raw).endList().toByteArray();
        b.onMessage(batch);
        b.onMessage(new byte[] {(byte) 0xc1, 0x05, 0x00});
        await(() -> b.received() == 2 && b.malformed() == 1);
        assertEquals(1, b.admitted());
        assertEquals(0, b.sent(), "a transaction from a peer is not gossiped again");
        assertEquals(0, a.received());
      } finally {
        executor.shutdownNow();
      }
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(10);
    }
  }
}
