package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.xinlian.common.Clock;
import org.xinlian.common.Hex;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/** Sends setup transactions (unmeasured) and waits until each has a successful receipt. */
final class SetupTransactions {
  /** Longest wait for one group of setup receipts. */
  static final long RECEIPTS_WAIT_SECONDS = 120;
  /** Fewer than the per-sender pool limit of Xinlian (80) and geth (64 queued), sent together. */
  static final int GROUP_SIZE_MAX = 60;
  private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final JsonRpcClient rpc;
  private final TransactionCodec codec;
  private final Clock clock;

  SetupTransactions(JsonRpcClient rpc, TransactionCodec codec, Clock clock) {
    this.rpc = rpc;
    this.codec = codec;
    this.clock = clock;
  }

  /** Sends the transactions in groups and returns their receipts, in order. */
  List<JsonNode> sendAll(List<Transaction> transactions, String purpose) {
    List<JsonNode> receipts = new ArrayList<>();
    for (int from = 0; from < transactions.size(); from += GROUP_SIZE_MAX) {
      List<Transaction> group = transactions.subList(from, Math.min(transactions.size(), from + GROUP_SIZE_MAX));
      List<JsonRpcClient.Request> requests = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      for (Transaction transaction : group) {
        requests.add(new JsonRpcClient.Request("eth_sendRawTransaction",
            List.of(Hex.encode(codec.encode(transaction)))));
        hashes.add(Hex.encode(codec.hash(transaction).toArray()));
      }
      List<JsonRpcClient.Response> responses = rpc.batch(requests);
      for (JsonRpcClient.Response response : responses) {
        if (response.failed()) {
          throw new BenchException(purpose + ": the node refused a setup transaction: " + response.error());
        }
      }
      receipts.addAll(await(hashes, purpose));
    }
    return receipts;
  }

  private List<JsonNode> await(List<String> hashes, String purpose) {
    long deadline = clock.nanoTime() + TimeUnit.SECONDS.toNanos(RECEIPTS_WAIT_SECONDS);
    JsonNode[] receipts = new JsonNode[hashes.size()];
    int missing = hashes.size();
    while (missing > 0) {
      List<JsonRpcClient.Request> requests = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < hashes.size(); i++) {
        if (receipts[i] == null) {
          requests.add(new JsonRpcClient.Request("eth_getTransactionReceipt", List.of(hashes.get(i))));
          indices.add(i);
        }
      }
      List<JsonRpcClient.Response> responses = rpc.batch(requests);
      for (int k = 0; k < responses.size(); k++) {
        JsonNode receipt = responses.get(k).result();
        if (receipt != null && !receipt.isNull()) {
          int i = indices.get(k);
          if (!"0x1".equals(receipt.path("status").asText())) {
            throw new BenchException(purpose + ": setup transaction " + hashes.get(i) + " failed: " + receipt);
          }
          receipts[i] = receipt;
          missing--;
        }
      }
      if (missing > 0) {
        if (clock.nanoTime() > deadline) {
          throw new BenchException(purpose + ": " + missing + " setup transactions not included within "
              + RECEIPTS_WAIT_SECONDS + " s");
        }
        LockSupport.parkNanos(POLL_INTERVAL_NANOS);
      }
    }
    return List.of(receipts);
  }
}
