package org.xinlian.node.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.DecodingException;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.DecidedBlock;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;

/**
 * The block sync protocol's messages (docs/spec/node.md NODE-12), one RLP list each, type first:
 * {@code [1, head]} announces the sender's committed height, {@code [2, from, count]} asks for
 * committed blocks, {@code [3, [decidedBlock...]]} answers with blocks and their certificates in
 * the consensus codec's decided-block form, so the receiver checks them exactly as the engine
 * checks a decided block.
 */
sealed interface SyncMessage {
  /** Most blocks asked for or answered at once. */
  int BATCH_BLOCKS_MAX = 64;

  int STATUS = 1;
  int GET_BLOCKS = 2;
  int BLOCKS = 3;

  /** The sender's committed head height. */
  record Status(long head) implements SyncMessage {
    public Status {
      if (head < 0) {
        throw new IllegalArgumentException("status.head: must not be negative");
      }
    }
  }

  /** A request for the committed blocks {@code from} to {@code from + count - 1}. */
  record GetBlocks(long from, int count) implements SyncMessage {
    public GetBlocks {
      if (from < 1 || count < 1 || count > BATCH_BLOCKS_MAX) {
        throw new IllegalArgumentException("getBlocks: from must be at least 1 and count in [1, "
            + BATCH_BLOCKS_MAX + "]");
      }
    }
  }

  /** Consecutive committed blocks with their certificates, possibly fewer than asked for. */
  record Blocks(List<CommittedBlock> blocks) implements SyncMessage {
    public Blocks {
      blocks = List.copyOf(blocks);
      if (blocks.size() > BATCH_BLOCKS_MAX) {
        throw new IllegalArgumentException("blocks: at most " + BATCH_BLOCKS_MAX);
      }
    }
  }

  static byte[] encode(SyncMessage message, MessageCodec codec) {
    RlpWriter writer = new RlpWriter(64);
    writer.startList();
    if (message instanceof Status status) {
      writer.writeUnsignedLong(STATUS).writeUnsignedLong(status.head());
    } else if (message instanceof GetBlocks request) {
      writer.writeUnsignedLong(GET_BLOCKS).writeUnsignedLong(request.from())
          .writeUnsignedLong(request.count());
    } else {
      Blocks answer = (Blocks) Objects.requireNonNull(message, "message");
      writer.writeUnsignedLong(BLOCKS).startList();
      for (CommittedBlock block : answer.blocks()) {
        writer.writeEncoded(codec.encode(new DecidedBlock(block)));
      }
      writer.endList();
    }
    return writer.endList().toByteArray();
  }

  /** Strict: every failure is a {@link DecodingException} naming the field. */
  static SyncMessage decode(byte[] bytes, MessageCodec codec) {
    RlpReader fields = RlpReader.ofList(bytes, "blockSync");
    long type = fields.readUnsignedLong("blockSync.type");
    SyncMessage message;
    if (type == STATUS) {
      message = new Status(fields.readLong("status.head"));
    } else if (type == GET_BLOCKS) {
      long from = fields.readLong("getBlocks.from");
      if (from < 1) {
        throw new DecodingException("getBlocks.from", "must be at least 1");
      }
      long count = fields.readUnsignedLong("getBlocks.count");
      if (count < 1 || count > BATCH_BLOCKS_MAX) {
        throw new DecodingException("getBlocks.count", "must be 1 to " + BATCH_BLOCKS_MAX
            + ", got " + Long.toUnsignedString(count));
      }
      message = new GetBlocks(from, (int) count);
    } else if (type == BLOCKS) {
      RlpReader list = fields.readList("blocks");
      List<CommittedBlock> blocks = new ArrayList<>();
      while (list.hasNext()) {
        String field = "blocks[" + blocks.size() + "]";
        if (blocks.size() == BATCH_BLOCKS_MAX) {
          throw new DecodingException(field, "more than " + BATCH_BLOCKS_MAX + " blocks");
        }
        ConsensusMessage decided;
        try {
          decided = codec.decode(list.readEncoded(field));
        } catch (DecodingException e) {
          String problem = e.getMessage().substring(Math.min(e.getMessage().length(), e.field().length() + 2));
          throw new DecodingException(field + "." + e.field(), problem, e);
        }
        if (!(decided instanceof DecidedBlock block)) {
          throw new DecodingException(field, "not a decided block");
        }
        blocks.add(block.committed());
      }
      message = new Blocks(blocks);
    } else {
      throw new DecodingException("blockSync.type", "unknown message type " + Long.toUnsignedString(type));
    }
    fields.requireEnd("blockSync");
    return message;
  }
}
