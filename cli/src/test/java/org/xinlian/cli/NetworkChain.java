package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * The chain as the nodes of a network report it over JSON-RPC: heights, block hashes, transfers.
 * Nodes are named by index; {@code url} gives each node's JSON-RPC port, {@code host} its host.
 */
final class NetworkChain {
  static final Duration PROGRESS_MAX = Duration.ofMinutes(2);
  private static final long GAS_LIMIT = 21_000;
  private static final BigInteger GAS_PRICE_WEI = BigInteger.TEN.pow(9);

  private final IntFunction<String> host;
  private final IntFunction<Integer> port;
  private final CryptoSuite suite = CryptoSuites.standard();
  private final TransactionCodec codec = TransactionCodec.of(suite);
  private long nextNonce;

  NetworkChain(IntFunction<String> host, IntFunction<Integer> port) {
    this.host = host;
    this.port = port;
  }

  OptionalLong height(int node) {
    Optional<JsonNode> response = NetworkProcesses.call(host.apply(node), port.apply(node), "eth_blockNumber");
    if (response.isEmpty() || !response.get().has("result")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(NetworkProcesses.quantity(response.get().get("result")).longValueExact());
  }

  long heightOf(int node) {
    return height(node).orElseThrow(() -> new AssertionError("node" + node + " does not answer"));
  }

  /** The highest height any of {@code nodes} reports. */
  long maxHeight(int... nodes) {
    long max = -1;
    for (int node : nodes) {
      max = Math.max(max, height(node).orElse(-1));
    }
    return max;
  }

  /** Waits until every one of {@code nodes} reports at least {@code target}. */
  void awaitHeight(long target, int... nodes) {
    for (int node : nodes) {
      NetworkProcesses.await(PROGRESS_MAX, () -> height(node).orElse(-1) >= target,
          "node" + node + " to reach height " + target + " (it is at " + height(node) + ")");
    }
  }

  String blockHash(int node, long height) {
    JsonNode response = NetworkProcesses.call(host.apply(node), port.apply(node), "eth_getBlockByNumber",
        "0x" + Long.toHexString(height), false).orElseThrow(() -> new AssertionError("node" + node + " does not answer"));
    JsonNode block = response.get("result");
    if (block == null || block.isNull()) {
      throw new AssertionError("node" + node + " has no block " + height + ": " + response);
    }
    return block.get("hash").asText();
  }

  /**
   * Safety: every one of {@code nodes} reports the same block hash at every height from genesis
   * to the lowest head among them. Returns that height.
   */
  long assertSameChain(int... nodes) {
    long common = Long.MAX_VALUE;
    for (int node : nodes) {
      common = Math.min(common, heightOf(node));
    }
    for (long height = 0; height <= common; height++) {
      String expected = blockHash(nodes[0], height);
      for (int node : nodes) {
        assertEquals(expected, blockHash(node, height), "node" + node + " and node" + nodes[0] + " at height " + height);
      }
    }
    return common;
  }

  /** Sends 1 wei from dev account 0 through {@code node}; returns the transaction hash. */
  Hash sendTransfer(int node) {
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nextNonce, GAS_PRICE_WEI, GAS_LIMIT,
        Optional.of(DevChain.ACCOUNTS.get(1).address()), BigInteger.ONE, new byte[0],
        OptionalLong.of(DevChain.CHAIN_ID));
    Transaction signed = codec.sign(unsigned, suite.keyPairFromPrivateKey(DevChain.privateKey(0)).privateKey());
    Hash hash = codec.hash(signed);
    JsonNode response = NetworkProcesses.call(host.apply(node), port.apply(node), "eth_sendRawTransaction",
        Hex.encode(codec.encode(signed))).orElseThrow(() -> new AssertionError("node" + node + " does not answer"));
    assertEquals(hash.toString(), response.path("result").asText(), "eth_sendRawTransaction: " + response);
    nextNonce++;
    return hash;
  }

  /** The block number of the receipt {@code node} serves for {@code hash}, if any. */
  OptionalLong receiptBlock(int node, Hash hash) {
    Optional<JsonNode> response = NetworkProcesses.call(host.apply(node), port.apply(node),
        "eth_getTransactionReceipt", hash.toString());
    if (response.isEmpty() || !response.get().path("result").isObject()) {
      return OptionalLong.empty();
    }
    JsonNode receipt = response.get().get("result");
    assertEquals("0x1", receipt.path("status").asText(), "the transfer failed: " + receipt);
    return OptionalLong.of(NetworkProcesses.quantity(receipt.get("blockNumber")).longValueExact());
  }

  /** Waits for every one of {@code nodes} to serve a receipt for {@code hash}, in the same block. */
  long awaitReceipt(Hash hash, int... nodes) {
    List<Long> blocks = new ArrayList<>();
    for (int node : nodes) {
      NetworkProcesses.await(PROGRESS_MAX, () -> receiptBlock(node, hash).isPresent(),
          "a receipt for " + hash + " on node" + node);
      blocks.add(receiptBlock(node, hash).getAsLong());
    }
    assertTrue(blocks.stream().distinct().count() == 1, "one block for the transfer on every node: " + blocks);
    return blocks.get(0);
  }
}
