package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;

/**
 * Runs a {@link LogFilter} over stored blocks, using the per-block blooms to skip blocks that
 * certainly hold no match (RPC-25). The range, the work (blocks times the addresses and topics
 * tested against each bloom), the answer's size and its wall time are bounded, so one query can
 * neither make the node read its history nor hold a worker for long; a refusal tells the client
 * which bound it hit and to narrow the query.
 */
final class LogQuery {
  /**
   * Blocks whose blooms are tested between two stop checks: a few milliseconds of work, so a
   * query whose time is up or whose client left stops promptly.
   */
  static final int SCAN_CHUNK_BLOCKS = 500;
  /** A log's JSON without its data and topics, in bytes: hashes, address, numbers, keys. */
  static final int LOG_JSON_BYTES_FIXED = 400;
  /** One topic's JSON: a quoted 0x-hash and a comma. */
  static final int TOPIC_JSON_BYTES = 70;

  private LogQuery() {}

  /** The matching logs of the filter's range (or its single block), oldest first. */
  static ArrayNode run(EthContext context, LogFilter filter, RpcCall call) {
    Answer answer = new Answer(context.limits);
    BlockStore blocks = context.dependencies.blocks();
    if (filter.blockHash().isPresent()) {
      Hash hash = filter.blockHash().get();
      Block block = blocks.block(hash).orElseThrow(() -> new RpcException(
          RpcErrorCodes.RESOURCE_NOT_FOUND, "unknown block " + EthJson.hash(hash)));
      addMatches(context, filter, block, hash, answer);
      return answer.logs;
    }
    long head = context.head().number();
    long from = resolve(context, filter.fromBlock());
    long to = resolve(context, filter.toBlock());
    // The limits apply to the range asked for, so an answer never depends on how far the chain has grown.
    checkRange(context.limits, filter, from, to);
    scan(context, filter, Math.min(from, head + 1), Math.min(to, head), call, answer);
    return answer.logs;
  }

  /**
   * The matching logs of blocks {@code from..to}; an empty answer when {@code from > to}. The
   * range must be within {@link #blocksPerQuery}.
   */
  static ArrayNode range(EthContext context, LogFilter filter, long from, long to, RpcCall call) {
    Answer answer = new Answer(context.limits);
    checkRange(context.limits, filter, from, to);
    scan(context, filter, from, to, call, answer);
    return answer.logs;
  }

  /** The longest range a query with this filter may search: the range bound or the work bound. */
  static long blocksPerQuery(RpcLimits limits, LogFilter filter) {
    long perBlock = Math.max(1, filter.alternatives());
    return Math.max(1, Math.min(limits.logsBlockRangeMax(), limits.logsQueryWorkMax() / perBlock));
  }

  private static void scan(EthContext context, LogFilter filter, long from, long to, RpcCall call,
      Answer answer) {
    BlockStore blocks = context.dependencies.blocks();
    for (long start = from; start <= to; start += SCAN_CHUNK_BLOCKS) {
      call.checkStop();
      long end = Math.min(to, start + SCAN_CHUNK_BLOCKS - 1);
      List<Long> candidates =
          blocks.blocksWhoseBloomMayMatch(start, end, filter.addresses(), filter.topics());
      for (long number : candidates) {
        call.checkStop();
        Block block = blocks.block(number).orElseThrow();
        addMatches(context, filter, block, context.hash(block.header()), answer);
      }
    }
  }

  private static void checkRange(RpcLimits limits, LogFilter filter, long from, long to) {
    if (to < from) {
      return;
    }
    long blocks = to - from + 1;
    if (blocks > limits.logsBlockRangeMax()) {
      throw RpcException.limitExceeded("query covers " + blocks + " blocks, more than "
          + limits.logsBlockRangeMax() + " (logsBlockRangeMax); narrow fromBlock..toBlock");
    }
    long perBlock = Math.max(1, filter.alternatives());
    if (blocks > limits.logsQueryWorkMax() / perBlock) {
      throw RpcException.limitExceeded("query tests " + blocks + " blocks against " + perBlock
          + " addresses and topics, more than " + limits.logsQueryWorkMax()
          + " tests (logsQueryWorkMax); narrow fromBlock..toBlock to at most "
          + blocksPerQuery(limits, filter) + " blocks or use fewer addresses and topics");
    }
  }

  private static long resolve(EthContext context, org.xinlian.rpc.BlockTag tag) {
    return tag.kind() == org.xinlian.rpc.BlockTag.Kind.NUMBER ? tag.number()
        : context.header(tag).orElseThrow().number();
  }

  /** Appends the block's matching logs, with logIndex counted across the whole block. */
  private static void addMatches(EthContext context, LogFilter filter, Block block, Hash blockHash,
      Answer answer) {
    List<Receipt> receipts = context.dependencies.blocks().receipts(blockHash).orElseThrow();
    long logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Hash transactionHash = null;
      for (Log log : receipts.get(i).logs()) {
        if (filter.matches(log)) {
          answer.admit(log);
          if (transactionHash == null) {
            transactionHash = block.transactions().get(i).hash(context.dependencies.suite());
          }
          answer.logs.add(EthJson.log(log, blockHash, block.header().number(), transactionHash, i,
              logIndex));
        }
        logIndex++;
      }
    }
  }

  /** The logs found so far, bounded in count and estimated JSON size. */
  private static final class Answer {
    final ArrayNode logs = EthJson.NODES.arrayNode();
    private final RpcLimits limits;
    private long bytes;

    Answer(RpcLimits limits) {
      this.limits = limits;
    }

    void admit(Log log) {
      if (logs.size() >= limits.logsResultMax()) {
        throw RpcException.limitExceeded("query returned more than " + limits.logsResultMax()
            + " results (logsResultMax); narrow the block range or the filter");
      }
      bytes += LOG_JSON_BYTES_FIXED + 2L * log.data().length + (long) TOPIC_JSON_BYTES * log.topics().size();
      if (bytes > limits.logsResultBytesMax()) {
        throw RpcException.limitExceeded("query returned more than " + limits.logsResultBytesMax()
            + " bytes of logs (logsResultBytesMax); narrow the block range or the filter");
      }
    }
  }
}
