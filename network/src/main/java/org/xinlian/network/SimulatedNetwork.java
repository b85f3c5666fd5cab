package org.xinlian.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory network of {@link Transport}s for tests: every started member is connected to every
 * other, messages are delivered asynchronously on the receiver's own thread in the order they were
 * sent, and per-peer queues are bounded as on the TCP transport. It passes the same contract tests
 * as the TCP transport, so code tested on it behaves alike over sockets. Node ids are given, not
 * proven: authentication is the TCP transport's job.
 */
public final class SimulatedNetwork implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SimulatedNetwork.class.getName());

  private final TransportLimits limits;
  private final Map<NodeId, Member> members = new ConcurrentHashMap<>();
  private final Object topology = new Object();

  public SimulatedNetwork(TransportLimits limits) {
    this.limits = limits;
  }

  /** A transport for {@code id}; it connects to the others when started. */
  public Transport join(NodeId id, MessageHandler handler) {
    Member member = new Member(id, handler);
    if (members.putIfAbsent(id, member) != null) {
      throw new IllegalArgumentException("simulatedNetwork: node " + id + " already joined");
    }
    return member;
  }

  @Override
  public void close() {
    for (Member member : List.copyOf(members.values())) {
      member.close();
    }
  }

  private final class Member implements Transport {
    private final NodeId id;
    private final MessageHandler handler;
    private final Counters counters = new Counters();
    private final Set<NodeId> peers = ConcurrentHashMap.newKeySet();
    private final Map<NodeId, int[]> queuedMessages = new ConcurrentHashMap<>();
    private final Map<NodeId, long[]> queuedBytes = new ConcurrentHashMap<>();
    private final ExecutorService inbox;
    private volatile boolean started;
    private volatile boolean closed;

    Member(NodeId id, MessageHandler handler) {
      this.id = id;
      this.handler = handler;
      this.inbox = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-p2p-" + id);
        thread.setDaemon(true);
        return thread;
      });
    }

    @Override
    public NodeId localId() {
      return id;
    }

    @Override
    public void start() {
      synchronized (topology) {
        if (started || closed) {
          return;
        }
        started = true;
        for (Member other : members.values()) {
          if (other != this && other.started && !other.closed) {
            link(other);
            other.link(this);
          }
        }
      }
    }

    private void link(Member other) {
      peers.add(other.id);
      queuedMessages.put(other.id, new int[1]);
      queuedBytes.put(other.id, new long[1]);
      post(() -> handler.onPeerConnected(other.id));
    }

    private void unlink(Member other) {
      if (peers.remove(other.id)) {
        post(() -> handler.onPeerDisconnected(other.id));
      }
    }

    private void post(Runnable task) {
      if (!closed) {
        inbox.execute(task);
      }
    }

    @Override
    public boolean send(NodeId peer, int channel, byte[] payload) {
      Frames.checkMessage(channel, payload, limits);
      Member target = members.get(peer);
      if (target == null || !peers.contains(peer) || target.closed) {
        return false;
      }
      int wireBytes = Frames.wireBytes(payload.length);
      int[] messages = queuedMessages.get(peer);
      long[] bytes = queuedBytes.get(peer);
      if (messages == null || bytes == null) {
        return false;
      }
      synchronized (messages) {
        if (messages[0] + 1 > limits.outboundQueueMessagesMax()
            || bytes[0] + wireBytes > limits.outboundQueueBytesMax()) {
          counters.droppedOutbound.increment();
          return false;
        }
        messages[0]++;
        bytes[0] += wireBytes;
      }
      byte[] copy = payload.clone();
      counters.messagesOut.increment();
      counters.bytesOut.add(wireBytes);
      try {
        target.inbox.execute(() -> {
          synchronized (messages) {
            messages[0]--;
            bytes[0] -= wireBytes;
          }
          if (!target.closed && target.peers.contains(id)) {
            target.counters.messagesIn.increment();
            target.counters.bytesIn.add(wireBytes);
            try {
              target.handler.onMessage(id, channel, copy);
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.ERROR, "simulated P2P handler failed on a message", e);
            }
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        counters.droppedOutbound.increment();
        return false;
      }
      return true;
    }

    @Override
    public int broadcast(int channel, byte[] payload) {
      Frames.checkMessage(channel, payload, limits);
      int queued = 0;
      for (NodeId peer : new ArrayList<>(peers)) {
        if (send(peer, channel, payload)) {
          queued++;
        }
      }
      return queued;
    }

    @Override
    public Set<NodeId> connectedPeers() {
      return Set.copyOf(peers);
    }

    @Override
    public TransportMetrics metrics() {
      return counters.snapshot(peers.size(), 0);
    }

    @Override
    public void close() {
      synchronized (topology) {
        if (closed) {
          return;
        }
        for (Member other : members.values()) {
          if (other != this) {
            other.unlink(this);
          }
        }
        closed = true;
        peers.clear();
        members.remove(id, this);
      }
      inbox.shutdown();
      try {
        inbox.awaitTermination(NettyTransport.SHUTDOWN_MILLIS_MAX, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
