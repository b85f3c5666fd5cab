package org.xinlian.node.consensus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.pool.AdmissionResult;
import org.xinlian.execution.pool.PendingTransactionListener;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.network.Transport;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * Transaction gossip (docs/spec/node.md NODE-11): a transaction that becomes pending in this
 * node's pool (from JSON-RPC, or promoted when its nonce gap filled) is broadcast on the
 * transactions channel in batches; batches from peers go into the pool through {@code addAll}
 * (signatures checked in parallel), and are not broadcast again. Every queue is bounded and drops
 * and counts when full, so a flood costs a fixed amount of memory and never blocks an I/O thread
 * or the consensus driver.
 *
 * <p>A batch is {@code rlp([envelope...])}: at most {@link #BATCH_TRANSACTIONS_MAX} envelopes of at
 * most {@link TransactionCodec#TRANSACTION_BYTES_MAX} bytes each.
 */
final class TransactionGossip implements AutoCloseable {
  /** Transactions waiting to be broadcast. */
  static final int OUTBOUND_QUEUE_TRANSACTIONS_MAX = 16_384;
  /** Most transactions in one broadcast batch. */
  static final int BATCH_TRANSACTIONS_MAX = 256;
  /** Most envelope bytes gathered into one batch (one oversized transaction still goes alone). */
  static final int BATCH_BYTES_MAX = 1024 * 1024;
  /**
   * Batches from peers waiting for admission. A leader sends a batch per burst of JSON-RPC
   * requests, often only tens of transactions, so the queue is bounded by bytes first.
   */
  static final int INBOUND_QUEUE_BATCHES_MAX = 4096;
  /** Payload bytes of the batches waiting for admission: about 150,000 transfers. */
  static final long INBOUND_QUEUE_BYTES_MAX = 16L * 1024 * 1024;
  /**
   * Most transactions admitted in one {@code pool.addAll}: the waiting batches are admitted
   * together so that the signature workers get enough to share.
   */
  static final int ADMISSION_TRANSACTIONS_MAX = 2048;
  /**
   * Hashes remembered as received or already broadcast, so nothing is sent twice: about as many
   * as the pool remembers included ones.
   */
  static final int KNOWN_HASHES_MAX = 65_536;

  /** How often the sender looks up from an empty queue to see whether it is closing. */
  private static final long SENDER_POLL_MS = 100;

  private static final System.Logger LOG = System.getLogger(TransactionGossip.class.getName());

  private final Transport transport;
  private final TransactionPool pool;
  private final CryptoSuite suite;
  private final TransactionCodec codec;
  private final Executor signatureExecutor;
  private final BlockingQueue<byte[]> outbound = new ArrayBlockingQueue<>(OUTBOUND_QUEUE_TRANSACTIONS_MAX);
  private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(INBOUND_QUEUE_BATCHES_MAX);
  private final AtomicLong inboundBytes = new AtomicLong();
  private final Thread receiver;
  private final Thread sender;
  private final LinkedHashSet<Hash> known = new LinkedHashSet<>();
  private final PendingTransactionListener listener = this::onPending;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong admitted = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private volatile boolean closing;

  TransactionGossip(Transport transport, TransactionPool pool, CryptoSuite suite, Executor signatureExecutor) {
    this.transport = transport;
    this.pool = pool;
    this.suite = suite;
    this.codec = TransactionCodec.of(suite);
    this.signatureExecutor = signatureExecutor;
    this.receiver = new Thread(this::receiveLoop, "xinlian-gossip-in");
    this.receiver.setDaemon(true);
    this.sender = new Thread(this::sendLoop, "xinlian-gossip-out");
    this.sender.setDaemon(true);
  }

  void start() {
    pool.addListener(listener);
    receiver.start();
    sender.start();
  }

  /** A batch from a peer, on a transport I/O thread: queued for admission, never blocking. */
  void onMessage(byte[] payload) {
    if (closing) {
      return;
    }
    if (inboundBytes.addAndGet(payload.length) > INBOUND_QUEUE_BYTES_MAX || !inbound.offer(payload)) {
      inboundBytes.addAndGet(-payload.length);
      dropped.incrementAndGet();
    }
  }

  /**
   * Takes the waiting batches together, up to {@link #ADMISSION_TRANSACTIONS_MAX} transactions,
   * and admits their new transactions in one {@code addAll}, in arrival order.
   */
  private void receiveLoop() {
    List<byte[]> fresh = new ArrayList<>();
    try {
      while (!closing) {
        byte[] payload = inbound.poll(SENDER_POLL_MS, TimeUnit.MILLISECONDS);
        fresh.clear();
        while (payload != null) {
          inboundBytes.addAndGet(-payload.length);
          decode(payload, fresh);
          payload = fresh.size() < ADMISSION_TRANSACTIONS_MAX - BATCH_TRANSACTIONS_MAX ? inbound.poll() : null;
        }
        if (!fresh.isEmpty()) {
          admit(fresh);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds the batch's transactions not seen before to {@code fresh}; a malformed batch adds none. */
  private void decode(byte[] payload, List<byte[]> fresh) {
    List<byte[]> batch = new ArrayList<>();
    List<Hash> hashes = new ArrayList<>();
    try {
      RlpReader list = RlpReader.ofList(payload, "transactions");
      int count = 0;
      while (list.hasNext()) {
        String field = "transactions[" + count + "]";
        if (++count > BATCH_TRANSACTIONS_MAX) {
          throw new DecodingException(field, "more than " + BATCH_TRANSACTIONS_MAX + " transactions");
        }
        byte[] raw = list.readBytesAtMost(field, TransactionCodec.TRANSACTION_BYTES_MAX);
        batch.add(raw);
        hashes.add(suite.hashOf(raw));
      }
    } catch (DecodingException e) {
      malformed.incrementAndGet();
      LOG.log(System.Logger.Level.DEBUG, "dropped a malformed transaction batch: {0}", e.getMessage());
      return;
    }
    received.addAndGet(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (remember(hashes.get(i))) {
        fresh.add(batch.get(i));
      }
    }
  }

  private void admit(List<byte[]> fresh) {
    for (AdmissionResult result : pool.addAll(fresh, signatureExecutor)) {
      if (result.accepted()) {
        admitted.incrementAndGet();
      }
    }
  }

  /** The pool's notification, on whichever thread made the transaction pending. */
  private void onPending(VerifiedTransaction transaction) {
    if (closing || !remember(transaction.hash())) {
      return;
    }
    if (!outbound.offer(codec.encode(transaction.transaction()))) {
      dropped.incrementAndGet();
    }
  }

  /** True when the hash was not known yet (and is now). */
  private boolean remember(Hash hash) {
    synchronized (known) {
      if (!known.add(hash)) {
        return false;
      }
      if (known.size() > KNOWN_HASHES_MAX) {
        Iterator<Hash> oldest = known.iterator();
        oldest.next();
        oldest.remove();
      }
      return true;
    }
  }

  private void sendLoop() {
    List<byte[]> batch = new ArrayList<>();
    try {
      while (!closing) {
        byte[] first = outbound.poll(SENDER_POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        long bytes = first.length;
        while (batch.size() < BATCH_TRANSACTIONS_MAX) {
          byte[] next = outbound.peek();
          if (next == null || bytes + next.length > BATCH_BYTES_MAX) {
            break;
          }
          batch.add(outbound.poll());
          bytes += next.length;
        }
        RlpWriter writer = new RlpWriter((int) bytes + 16);
        writer.startList();
        batch.forEach(writer::writeBytes);
        transport.broadcast(P2pChannels.TRANSACTIONS, writer.endList().toByteArray());
        sent.addAndGet(batch.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long sent() {
    return sent.get();
  }

  long received() {
    return received.get();
  }

  long admitted() {
    return admitted.get();
  }

  long dropped() {
    return dropped.get();
  }

  long malformed() {
    return malformed.get();
  }

  /** Stops listening to the pool, then both threads; what is still queued is dropped. */
  @Override
  public void close() {
    closing = true;
    pool.removeListener(listener);
    receiver.interrupt();
    sender.interrupt();
    try {
      sender.join();
      receiver.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
