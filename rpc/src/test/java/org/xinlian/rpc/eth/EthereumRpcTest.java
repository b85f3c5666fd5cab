package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.ledger.proof.AccountProofVerifier;
import org.xinlian.ledger.proof.ProofJson;
import org.xinlian.types.transaction.UnsignedTransaction;

/** The Ethereum methods against a real chain behind a real server (docs/spec/rpc.md RPC-13..). */
class EthereumRpcTest {
  /** The logger's topic, an arbitrary constant. */
  static final String TOPIC = "0x" + "11".repeat(32);
  /** Runtime: LOG1(memory[0..32] = calldata word 0, topic TOPIC); hand-assembled. */
  static final String LOGGER_RUNTIME = "600035600052" + "7f" + "11".repeat(32) + "60206000a100";
  /** Init code: CODECOPY the 45-byte runtime that follows the 12-byte prefix, RETURN it. */
  static final String LOGGER_INIT = "602d600c600039602d6000f3" + LOGGER_RUNTIME;

  @TempDir Path directory;
  EthTestChain chain;

  @BeforeEach
  void start() throws Exception {
    chain = new EthTestChain(directory, "standard", false);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  String quoted(Object value) {
    return "\"" + value + "\"";
  }

  String deploy(int key, long nonce) {
    return chain.signed(key, new UnsignedTransaction.DynamicFee(EthTestChain.CHAIN_ID, nonce,
        BigInteger.TWO, BigInteger.valueOf(100), 200_000, Optional.empty(), BigInteger.ZERO,
        Hex.decode("0x" + LOGGER_INIT), List.of()));
  }

  String logCall(int key, long nonce, Address logger, int word) {
    byte[] data = new byte[32];
    data[31] = (byte) word;
    return chain.signed(key, new UnsignedTransaction.DynamicFee(EthTestChain.CHAIN_ID, nonce,
        BigInteger.TWO, BigInteger.valueOf(100), 100_000, Optional.of(logger), BigInteger.ZERO,
        data, List.of()));
  }

  String transfer(int key, long nonce, Address to, long value) {
    return chain.signed(key, new UnsignedTransaction.Legacy(nonce, BigInteger.TEN, 21_000,
        Optional.of(to), BigInteger.valueOf(value), new byte[0], OptionalLong.of(EthTestChain.CHAIN_ID)));
  }

  @Test
  @DisplayName("RPC-13 RPC-14 state reads, fees, constants and parameter errors")
  void readsAndErrors() throws Exception {
    Address alice = chain.address(0);
    assertEquals("0x0", chain.call("eth_blockNumber", "[]").asText());
    assertEquals("0x" + EthTestChain.FUNDS.toString(16),
        chain.call("eth_getBalance", "[" + quoted(alice) + ",\"latest\"]").asText());
    assertEquals(EthTestChain.REVERTER_CODE,
        chain.call("eth_getCode", "[" + quoted(EthTestChain.REVERTER) + ",\"earliest\"]").asText());
    assertEquals("0x" + "00".repeat(32), chain.call("eth_getStorageAt",
        "[" + quoted(EthTestChain.REVERTER) + ",\"0x0\",\"finalized\"]").asText());
    assertEquals("0x0", chain.call("eth_getTransactionCount", "[" + quoted(alice) + ",\"pending\"]").asText());
    // Base fee 7 from genesis plus the pool's minimum tip of 1.
    assertEquals("0x8", chain.call("eth_gasPrice", "[]").asText());
    assertEquals("0x1", chain.call("eth_maxPriorityFeePerGas", "[]").asText());
    assertFalse(chain.call("eth_syncing", "[]").asBoolean());
    assertEquals(0, chain.call("eth_accounts", "[]").size());
    assertTrue(chain.call("net_listening", "[]").asBoolean());
    assertEquals("0x0", chain.call("net_peerCount", "[]").asText());
    chain.peers.set(12);
    assertEquals("0xc", chain.call("net_peerCount", "[]").asText());
    chain.peers.set(0);
    assertEquals("0x0", chain.call("eth_getUncleCountByBlockNumber", "[\"0x0\"]").asText());
    assertEquals("0x0", chain.call("txpool_status", "[]").get("pending").asText());
    assertTrue(chain.call("eth_getBlockByNumber", "[\"0x5\", false]").isNull());
    assertTrue(chain.call("eth_getTransactionReceipt", "[" + quoted(Hash.ZERO) + "]").isNull());

    assertEquals(-32602, chain.error("eth_getBalance", "[\"0x12\"]").get("code").asInt());
    assertEquals(-32602, chain.error("eth_getBalance", "[]").get("code").asInt());
    assertEquals(-32602, chain.error("eth_getBlockByNumber", "[\"0x0\"]").get("code").asInt());
    assertEquals(-32602, chain.error("eth_getStorageAt", "[" + quoted(alice) + ",\"0x01\"]").get("code").asInt());
    assertEquals(-32602, chain.error("eth_getLogs", "[{\"fromBlok\":\"0x0\"}]").get("code").asInt());
    assertEquals(-32602, chain.error("eth_call", "[{\"to\":\"0x1\"}]").get("code").asInt());
    JsonNode notFound = chain.error("eth_getBalance", "[" + quoted(alice) + ",\"0x9\"]");
    assertEquals(-32001, notFound.get("code").asInt());

    JsonNode genesis = chain.call("eth_getBlockByNumber", "[\"earliest\", false]");
    assertEquals("0x0", genesis.get("number").asText());
    assertEquals("0x0000000000000000", genesis.get("nonce").asText());
    // keccak256(rlp([])), the well-known empty-uncles hash.
    assertEquals("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
        genesis.get("sha3Uncles").asText());
    assertEquals("0x7", genesis.get("baseFeePerGas").asText());
    assertEquals("0x78696e6c69616e", genesis.get("extraData").asText());
    assertEquals(0, genesis.get("uncles").size());
    assertEquals(genesis, chain.call("eth_getBlockByHash", "[" + genesis.get("hash") + ", true]"));
  }

  @Test
  @DisplayName("RPC-15 RPC-16 RPC-17 send, produce a block through the port, read transactions, receipts, blocks and logs")
  void sendProduceAndReadBack() throws Exception {
    Address alice = chain.address(0);
    Address bob = chain.address(1);
    String deployHash = chain.call("eth_sendRawTransaction", "[" + quoted(deploy(0, 0)) + "]").asText();
    String transferHash =
        chain.call("eth_sendRawTransaction", "[" + quoted(transfer(0, 1, bob, 5)) + "]").asText();
    JsonNode rejected = chain.error("eth_sendRawTransaction", "[" + quoted(transfer(0, 1, bob, 5)) + "]");
    assertEquals(-32000, rejected.get("code").asInt());
    assertEquals("already known", rejected.get("message").asText());
    assertEquals(-32602, chain.error("eth_sendRawTransaction", "[\"0x0\"]").get("code").asInt());
    assertEquals(-32000, chain.error("eth_sendRawTransaction", "[\"0x00\"]").get("code").asInt());
    assertEquals("0x2", chain.call("eth_getTransactionCount", "[" + quoted(alice) + ",\"pending\"]").asText());
    JsonNode pending = chain.call("eth_getTransactionByHash", "[" + quoted(deployHash) + "]");
    assertTrue(pending.get("blockHash").isNull());
    assertEquals(alice.toString(), pending.get("from").asText());

    chain.produceBlock();
    assertEquals("0x1", chain.call("eth_blockNumber", "[]").asText());
    assertEquals("0x2", chain.call("eth_getTransactionCount", "[" + quoted(alice) + "]").asText());

    JsonNode deployReceipt = chain.call("eth_getTransactionReceipt", "[" + quoted(deployHash) + "]");
    assertEquals("0x1", deployReceipt.get("status").asText());
    assertEquals("0x2", deployReceipt.get("type").asText());
    assertTrue(deployReceipt.get("to").isNull());
    String logger = deployReceipt.get("contractAddress").asText();
    // The derived CREATE address really holds the deployed runtime: checked through the EVM's state.
    assertEquals("0x" + LOGGER_RUNTIME, chain.call("eth_getCode", "[" + quoted(logger) + "]").asText());
    // Effective price min(maxFee 100, base fee 7 + tip 2).
    assertEquals("0x9", deployReceipt.get("effectiveGasPrice").asText());
    JsonNode transferReceipt = chain.call("eth_getTransactionReceipt", "[" + quoted(transferHash) + "]");
    // A plain transfer uses exactly 21000 gas (Yellow Paper G_transaction).
    assertEquals("0x5208", transferReceipt.get("gasUsed").asText());
    assertEquals(new BigInteger(deployReceipt.get("gasUsed").asText().substring(2), 16).add(BigInteger.valueOf(21_000)),
        new BigInteger(transferReceipt.get("cumulativeGasUsed").asText().substring(2), 16));
    assertEquals("0x1", transferReceipt.get("transactionIndex").asText());

    JsonNode block = chain.call("eth_getBlockByNumber", "[\"latest\", true]");
    assertEquals(2, block.get("transactions").size());
    JsonNode legacy = block.get("transactions").get(1);
    assertEquals(transferHash, legacy.get("hash").asText());
    assertEquals("0x0", legacy.get("type").asText());
    assertEquals("0xa", legacy.get("gasPrice").asText());
    assertTrue(legacy.get("v").asLong() >= 0);
    long v = Long.parseLong(legacy.get("v").asText().substring(2), 16);
    assertTrue(v == 35 + 2 * EthTestChain.CHAIN_ID || v == 36 + 2 * EthTestChain.CHAIN_ID, "EIP-155 v");
    assertEquals(block.get("hash"), legacy.get("blockHash"));
    assertEquals(deployHash, chain.call("eth_getBlockByNumber", "[\"0x1\", false]").get("transactions").get(0).asText());
    assertEquals("0x2", chain.call("eth_getBlockTransactionCountByHash", "[" + block.get("hash") + "]").asText());
    assertEquals("0x2", chain.call("eth_getBlockTransactionCountByNumber", "[\"safe\"]").asText());
    assertEquals(legacy, chain.call("eth_getTransactionByBlockHashAndIndex", "[" + block.get("hash") + ",\"0x1\"]"));
    assertEquals(legacy, chain.call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x1\"]"));
    assertTrue(chain.call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\",\"0x2\"]").isNull());
    assertEquals(legacy, chain.call("eth_getTransactionByHash", "[" + quoted(transferHash) + "]"));

    // Second block: two calls to the logger, each emitting one LOG1.
    String first = chain.call("eth_sendRawTransaction", "[" + quoted(logCall(1, 0, Address.fromHex(logger), 1)) + "]").asText();
    chain.call("eth_sendRawTransaction", "[" + quoted(logCall(1, 1, Address.fromHex(logger), 2)) + "]");
    chain.produceBlock();
    JsonNode receipt = chain.call("eth_getTransactionReceipt", "[" + quoted(first) + "]");
    JsonNode log = receipt.get("logs").get(0);
    assertEquals(logger, log.get("address").asText());
    assertEquals(TOPIC, log.get("topics").get(0).asText());
    assertEquals("0x" + "00".repeat(31) + "01", log.get("data").asText());
    assertFalse(log.get("removed").asBoolean());

    JsonNode logs = chain.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":[" + quoted(logger)
        + "," + quoted(bob) + "],\"topics\":[[" + quoted(Hash.ZERO) + "," + quoted(TOPIC) + "]]}]");
    assertEquals(2, logs.size());
    assertEquals("0x0", logs.get(0).get("logIndex").asText());
    assertEquals("0x1", logs.get(1).get("logIndex").asText());
    assertEquals("0x2", logs.get(1).get("blockNumber").asText());
    assertEquals(0, chain.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[" + quoted(Hash.ZERO) + "]}]").size());
    assertEquals(0, chain.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x1\"}]").size());
    String secondBlockHash = logs.get(0).get("blockHash").asText();
    assertEquals(logs, chain.call("eth_getLogs", "[{\"blockHash\":" + quoted(secondBlockHash) + "}]"));
    JsonNode tooWide = chain.error("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x186a0\"}]");
    assertEquals(-32005, tooWide.get("code").asInt());
    assertTrue(tooWide.get("message").asText().contains("logsBlockRangeMax"));
    assertEquals(-32602, chain.error("eth_getLogs",
        "[{\"blockHash\":" + quoted(secondBlockHash) + ",\"fromBlock\":\"0x0\"}]").get("code").asInt());

    JsonNode history = chain.call("eth_feeHistory", "[\"0x2\",\"latest\",[50]]");
    assertEquals("0x1", history.get("oldestBlock").asText());
    assertEquals(3, history.get("baseFeePerGas").size());
    assertEquals("0x7", history.get("baseFeePerGas").get(2).asText());
    // Every transaction tipped min(2, 100 - 7) = 2 (the legacy one 10 - 7 = 3 in block 1).
    assertEquals("0x2", history.get("reward").get(1).get(0).asText());
  }

  @Test
  @DisplayName("RPC-11 RPC-18 eth_call and eth_estimateGas: results, revert with data and reason")
  void callsAndReverts() throws Exception {
    String from = quoted(chain.address(0));
    JsonNode revert = chain.error("eth_call", "[{\"from\":" + from + ",\"to\":" + quoted(EthTestChain.REVERTER) + "}, \"latest\"]");
    assertEquals(3, revert.get("code").asInt());
    assertEquals("execution reverted: nope", revert.get("message").asText());
    assertTrue(revert.get("data").asText().startsWith("0x08c379a0"));
    JsonNode estimateRevert = chain.error("eth_estimateGas", "[{\"from\":" + from + ",\"to\":" + quoted(EthTestChain.REVERTER) + "}]");
    assertEquals(3, estimateRevert.get("code").asInt());
    assertEquals(revert.get("data"), estimateRevert.get("data"));
    assertEquals("0x5208", chain.call("eth_estimateGas",
        "[{\"from\":" + from + ",\"to\":" + quoted(chain.address(1)) + ",\"value\":\"0x1\"}]").asText());
    assertEquals("0x", chain.call("eth_call", "[{\"to\":" + quoted(chain.address(1)) + "}]").asText());
    assertEquals(-32602, chain.error("eth_call", "[{\"to\":" + quoted(chain.address(1)) + ",\"gas\":7}]").get("code").asInt());
  }

  @Test
  @DisplayName("RPC-19 eth_getProof verifies against the block's state root")
  void proof() throws Exception {
    Address alice = chain.address(0);
    JsonNode proof = chain.call("eth_getProof", "[" + quoted(alice) + ",[\"0x0\"],\"latest\"]");
    JsonNode block = chain.call("eth_getBlockByNumber", "[\"latest\", false]");
    var parsed = ProofJson.parse(proof.toString());
    assertTrue(AccountProofVerifier.verify(parsed, Hash.fromHex(block.get("stateRoot").asText()), chain.suite).valid());
    assertEquals(EthTestChain.FUNDS, parsed.balance().toBigInteger());
    assertEquals(-32602, chain.error("eth_getProof", "[" + quoted(alice) + ",\"0x0\"]").get("code").asInt());
  }
}
