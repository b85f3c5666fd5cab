package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;

/**
 * Runs a {@link LogFilter} over stored blocks, using the per-block blooms to skip blocks that
 * certainly hold no match. Both the range and the result are bounded, so one query cannot make
 * the node read its whole history or build an unbounded answer.
 */
final class LogQuery {
  /** The longest block range one query may search, in blocks. */
  static final long LOG_BLOCK_RANGE_MAX = BlockStore.BLOOM_RANGE_BLOCKS_MAX;
  /** The most logs one answer may hold. */
  static final int LOG_RESULTS_MAX = 10_000;

  private LogQuery() {}

  /** The matching logs of the filter's range (or its single block), oldest first. */
  static ArrayNode run(EthContext context, LogFilter filter) {
    ArrayNode result = EthJson.NODES.arrayNode();
    BlockStore blocks = context.dependencies.blocks();
    if (filter.blockHash().isPresent()) {
      Hash hash = filter.blockHash().get();
      Block block = blocks.block(hash).orElseThrow(() -> new RpcException(
          RpcErrorCodes.RESOURCE_NOT_FOUND, "unknown block " + EthJson.hash(hash)));
      addMatches(context, filter, block, hash, result);
      return result;
    }
    long head = context.head().number();
    long from = resolve(context, filter.fromBlock());
    long to = resolve(context, filter.toBlock());
    // The limit applies to the range asked for, so an answer never depends on how far the chain has grown.
    checkRange(from, to);
    return range(context, filter, Math.min(from, head + 1), Math.min(to, head));
  }

  /** The matching logs of blocks {@code from..to}; an empty answer when {@code from > to}. */
  static ArrayNode range(EthContext context, LogFilter filter, long from, long to) {
    ArrayNode result = EthJson.NODES.arrayNode();
    if (from > to) {
      return result;
    }
    checkRange(from, to);
    BlockStore blocks = context.dependencies.blocks();
    List<Long> candidates =
        blocks.blocksWhoseBloomMayMatch(from, to, filter.addresses(), filter.topics());
    for (long number : candidates) {
      Block block = blocks.block(number).orElseThrow();
      addMatches(context, filter, block, context.hash(block.header()), result);
    }
    return result;
  }

  private static void checkRange(long from, long to) {
    if (to >= from && to - from >= LOG_BLOCK_RANGE_MAX) {
      throw RpcException.limitExceeded("query covers " + (to - from + 1) + " blocks, more than "
          + LOG_BLOCK_RANGE_MAX + " (LOG_BLOCK_RANGE_MAX); narrow fromBlock..toBlock");
    }
  }

  private static long resolve(EthContext context, org.xinlian.rpc.BlockTag tag) {
    return tag.kind() == org.xinlian.rpc.BlockTag.Kind.NUMBER ? tag.number()
        : context.header(tag).orElseThrow().number();
  }

  /** Appends the block's matching logs, with logIndex counted across the whole block. */
  static void addMatches(EthContext context, LogFilter filter, Block block, Hash blockHash,
      ArrayNode result) {
    List<Receipt> receipts = context.dependencies.blocks().receipts(blockHash).orElseThrow();
    addMatches(context, filter, block, blockHash, receipts, result);
  }

  static void addMatches(EthContext context, LogFilter filter, Block block, Hash blockHash,
      List<Receipt> receipts, ArrayNode result) {
    long logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Hash transactionHash = null;
      for (Log log : receipts.get(i).logs()) {
        if (filter.matches(log)) {
          if (result.size() >= LOG_RESULTS_MAX) {
            throw new RpcException(RpcErrorCodes.LIMIT_EXCEEDED, "query returned more than "
                + LOG_RESULTS_MAX + " results (LOG_RESULTS_MAX); narrow the block range or filter");
          }
          if (transactionHash == null) {
            transactionHash = block.transactions().get(i).hash(context.dependencies.suite());
          }
          result.add(EthJson.log(log, blockHash, block.header().number(), transactionHash, i,
              logIndex));
        }
        logIndex++;
      }
    }
  }
}
