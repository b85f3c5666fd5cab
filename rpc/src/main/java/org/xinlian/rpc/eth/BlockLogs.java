package org.xinlian.rpc.eth;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.rpc.JsonText;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;

/**
 * A committed block's logs for the logs subscriptions (RPC-27): each log is serialised at most
 * once, when a first subscription matches it, and the same text goes to every subscription it
 * matches. Used by the notification thread only.
 */
final class BlockLogs {
  private final EthContext context;
  private final Block block;
  private final Hash blockHash;
  private final List<Log> logs = new ArrayList<>();
  private final List<Integer> transactionIndexes = new ArrayList<>();
  private final JsonText[] json;
  private final Hash[] transactionHashes;

  BlockLogs(EthContext context, Block block, Hash blockHash, List<Receipt> receipts) {
    this.context = context;
    this.block = block;
    this.blockHash = blockHash;
    for (int i = 0; i < receipts.size(); i++) {
      for (Log log : receipts.get(i).logs()) {
        logs.add(log);
        transactionIndexes.add(i);
      }
    }
    this.json = new JsonText[logs.size()];
    this.transactionHashes = new Hash[receipts.size()];
  }

  boolean isEmpty() {
    return logs.isEmpty();
  }

  /** The notifications of {@code filter}: the text of each matching log, in block order. */
  List<Object> matching(LogFilter filter) {
    List<Object> matches = null;
    for (int i = 0; i < logs.size(); i++) {
      if (filter.matches(logs.get(i))) {
        if (matches == null) {
          matches = new ArrayList<>();
        }
        matches.add(json(i));
      }
    }
    return matches == null ? List.of() : matches;
  }

  private JsonText json(int logIndex) {
    if (json[logIndex] == null) {
      int transaction = transactionIndexes.get(logIndex);
      if (transactionHashes[transaction] == null) {
        transactionHashes[transaction] =
            block.transactions().get(transaction).hash(context.dependencies.suite());
      }
      json[logIndex] = new JsonText(EthJson.log(logs.get(logIndex), blockHash,
          block.header().number(), transactionHashes[transaction], transaction, logIndex).toString());
    }
    return json[logIndex];
  }
}
