package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** web3j's own response classes parse our blocks and receipts: an independent format check. */
class Web3jFormatTest {
  @TempDir Path directory;
  EthTestChain chain;
  final EthereumRpcTest transactions = new EthereumRpcTest();

  @BeforeEach
  void start() throws Exception {
    chain = new EthTestChain(directory, "standard", false);
    transactions.chain = chain;
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  @DisplayName("RPC-16 web3j parses eth_getBlockByNumber (full) and eth_getTransactionReceipt")
  void web3jParses() throws Exception {
    ObjectMapper web3j = ObjectMapperFactory.getObjectMapper();
    String hash = chain.call("eth_sendRawTransaction", "[\"" + transactions.deploy(0, 0) + "\"]").asText();
    chain.call("eth_sendRawTransaction", "[\"" + transactions.transfer(0, 1, chain.address(1), 3) + "\"]");
    chain.produceBlock();
    EthBlock block = web3j.readValue(chain.request("eth_getBlockByNumber", "[\"latest\", true]").toString(),
        EthBlock.class);
    assertEquals(BigInteger.ONE, block.getBlock().getNumber());
    assertEquals(2, block.getBlock().getTransactions().size());
    var deployed = (EthBlock.TransactionObject) block.getBlock().getTransactions().get(0);
    assertEquals(hash, deployed.getHash());
    assertEquals(BigInteger.valueOf(7), block.getBlock().getBaseFeePerGas());
    var legacy = (EthBlock.TransactionObject) block.getBlock().getTransactions().get(1);
    assertEquals(EthTestChain.CHAIN_ID, legacy.getChainId().longValue());
    EthGetTransactionReceipt response = web3j.readValue(
        chain.request("eth_getTransactionReceipt", "[\"" + hash + "\"]").toString(), EthGetTransactionReceipt.class);
    TransactionReceipt receipt = response.getTransactionReceipt().orElseThrow();
    assertEquals("0x1", receipt.getStatus());
    assertNull(receipt.getTo());
    assertEquals(block.getBlock().getHash(), receipt.getBlockHash());
  }
}
