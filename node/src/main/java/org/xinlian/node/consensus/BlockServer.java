package org.xinlian.node.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.network.NodeId;
import org.xinlian.network.Transport;
import org.xinlian.types.block.BlockCodec;

/**
 * Answers block sync requests (docs/spec/node.md NODE-12) on its own thread, so reading blocks
 * from disk never delays the consensus driver: each answer holds consecutive committed blocks
 * from the one asked for, with their certificates, up to {@link SyncMessage#BATCH_BLOCKS_MAX}
 * blocks and {@link #ANSWER_BYTES_MAX} bytes (always at least one block that fits a frame).
 * Requests beyond {@link #REQUESTS_QUEUED_MAX} waiting are dropped and counted; the asker times
 * out and asks another peer.
 */
final class BlockServer implements AutoCloseable {
  /** Requests waiting to be answered. */
  static final int REQUESTS_QUEUED_MAX = 32;
  /** Bytes of block encodings in one answer, beyond its first block. */
  static final long ANSWER_BYTES_MAX = 4L * 1024 * 1024;
  /** A seal's share of a certificate's encoding: at most 128 signature bytes and their header. */
  private static final int SEAL_BYTES_MAX = 131;
  /** A certificate's encoding besides its seals: version, height, round, hash and headers. */
  private static final int CERTIFICATE_FIXED_BYTES_MAX = 64;

  private final ExecutionApplication application;
  private final Transport transport;
  private final int payloadBytesMax;
  private final MessageCodec codec;
  private final BlockCodec blockCodec;
  private final ThreadPoolExecutor executor;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  BlockServer(ExecutionApplication application, Transport transport, int payloadBytesMax,
      MessageCodec codec, BlockCodec blockCodec) {
    this.application = application;
    this.transport = transport;
    this.payloadBytesMax = payloadBytesMax;
    this.codec = codec;
    this.blockCodec = blockCodec;
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(REQUESTS_QUEUED_MAX), runnable -> {
          Thread thread = new Thread(runnable, "xinlian-block-server");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  MessageCodec codec() {
    return codec;
  }

  void serve(NodeId peer, SyncMessage.GetBlocks request) {
    try {
      executor.execute(() -> answer(peer, request));
    } catch (RejectedExecutionException e) {
      dropped.incrementAndGet();
    }
  }

  private void answer(NodeId peer, SyncMessage.GetBlocks request) {
    List<CommittedBlock> blocks = new ArrayList<>();
    long bytes = 0;
    for (long height = request.from(); height < request.from() + request.count(); height++) {
      Optional<CommittedBlock> block = application.committedBlock(height);
      if (block.isEmpty()) {
        break;
      }
      long size = blockCodec.encodeBlock(block.get().block()).length
          + (long) block.get().certificate().seals().size() * SEAL_BYTES_MAX
          + CERTIFICATE_FIXED_BYTES_MAX;
      if (!blocks.isEmpty() && bytes + size > ANSWER_BYTES_MAX) {
        break;
      }
      blocks.add(block.get());
      bytes += size;
    }
    byte[] payload = SyncMessage.encode(new SyncMessage.Blocks(blocks), codec);
    if (payload.length <= payloadBytesMax && transport.send(peer, P2pChannels.BLOCK_SYNC, payload)) {
      answered.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  long answered() {
    return answered.get();
  }

  long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
