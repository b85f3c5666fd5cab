package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Log;
import org.xinlian.types.transaction.Transaction;

/**
 * Blocks, headers and logs in the exact JSON shape of the Ethereum execution API, which ethers v6
 * and web3j parse: QUANTITY without leading zeros, DATA as full hex, and the proof-of-work fields
 * a BFT chain does not have set to their post-merge constants.
 */
final class EthJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** keccak256(rlp([])), the sha3Uncles of every block without uncles (Yellow Paper, post-merge). */
  static final String EMPTY_UNCLES_HASH =
      "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
  static final String ZERO_NONCE = "0x0000000000000000";

  private EthJson() {}

  static String quantity(long value) {
    return "0x" + Long.toUnsignedString(value, 16);
  }

  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static String data(byte[] bytes) {
    return Hex.encode(bytes);
  }

  static String hash(Hash hash) {
    return Hex.encode(hash.toArray());
  }

  static String address(Address address) {
    return Hex.encode(address.toArray());
  }

  /**
   * The header fields shared by blocks and newHeads notifications. {@code baseFeePerGas} is always
   * present (zero on zero-price chains) so that ethers v6 and web3j build EIP-1559 transactions,
   * which every chain mode accepts.
   */
  static ObjectNode header(BlockHeader header, Hash blockHash, BigInteger baseFee) {
    ObjectNode json = NODES.objectNode();
    json.put("number", quantity(header.number()));
    json.put("hash", hash(blockHash));
    json.put("parentHash", hash(header.parentHash()));
    json.put("nonce", ZERO_NONCE);
    json.put("sha3Uncles", EMPTY_UNCLES_HASH);
    json.put("logsBloom", data(header.logsBloom().toArray()));
    json.put("transactionsRoot", hash(header.transactionsRoot()));
    json.put("stateRoot", hash(header.stateRoot()));
    json.put("receiptsRoot", hash(header.receiptsRoot()));
    json.put("miner", address(header.proposer()));
    json.put("difficulty", "0x0");
    json.put("extraData", data(header.extraData()));
    json.put("gasLimit", quantity(header.gasLimit()));
    json.put("gasUsed", quantity(header.gasUsed()));
    json.put("timestamp", quantity(header.timestamp()));
    json.put("mixHash", hash(Hash.ZERO));
    json.put("baseFeePerGas", quantity(baseFee));
    return json;
  }

  /**
   * A block with its transactions as hashes, or as full objects when {@code full} (their senders
   * are recovered here, one signature check each).
   */
  static ObjectNode block(Block block, boolean full, CryptoSuite suite, BigInteger baseFee) {
    BlockHeader header = block.header();
    Hash blockHash = header.hash(suite);
    ObjectNode json = header(header, blockHash, baseFee);
    json.put("totalDifficulty", "0x0");
    json.put("size", quantity(BlockCodec.of(suite).encodeBlock(block).length));
    ArrayNode transactions = json.putArray("transactions");
    List<Transaction> body = block.transactions();
    for (int i = 0; i < body.size(); i++) {
      Transaction transaction = body.get(i);
      if (full) {
        transactions.add(TransactionJson.transaction(transaction, transaction.hash(suite),
            transaction.sender(suite), new TransactionJson.Inclusion(blockHash, header.number(), i),
            baseFee, suite));
      } else {
        transactions.add(hash(transaction.hash(suite)));
      }
    }
    json.putArray("uncles");
    return json;
  }

  /** One log as eth_getLogs, receipts and subscriptions give it. */
  static ObjectNode log(Log log, Hash blockHash, long blockNumber, Hash transactionHash,
      int transactionIndex, long logIndex) {
    ObjectNode json = NODES.objectNode();
    json.put("address", address(log.address()));
    ArrayNode topics = json.putArray("topics");
    for (Hash topic : log.topics()) {
      topics.add(hash(topic));
    }
    json.put("data", data(log.data()));
    json.put("blockNumber", quantity(blockNumber));
    json.put("transactionHash", hash(transactionHash));
    json.put("transactionIndex", quantity(transactionIndex));
    json.put("blockHash", hash(blockHash));
    json.put("logIndex", quantity(logIndex));
    json.put("removed", false);
    return json;
  }
}
