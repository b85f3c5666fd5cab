package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.sdk.CallRequest;
import org.xinlian.sdk.ContractRevertedException;
import org.xinlian.sdk.LogEntry;
import org.xinlian.sdk.LogQuery;
import org.xinlian.sdk.Signer;
import org.xinlian.sdk.TransactionReceipt;
import org.xinlian.sdk.TransactionRequest;
import org.xinlian.sdk.XinlianClient;
import org.xinlian.sdk.abi.Abi;

/**
 * Issue 5's real-client scenario through the Java SDK (docs/spec/sdk.md SDK-7), on a gm chain
 * (SM2 signatures, SM3 hashing) and on a standard one: deploy OpenZeppelin's ERC-20 compiled by
 * solc, transfer with exactly the estimated gas, read balances with eth_call, find the Transfer
 * event with eth_getLogs and see the revert reason of a failing call.
 */
class SdkScenarioTest {
  private static final BigInteger SUPPLY = BigInteger.TEN.pow(24);
  private static final BigInteger AMOUNT = BigInteger.valueOf(1_234_567);
  private static final BigInteger FUNDS = BigInteger.TEN.pow(21);
  /** The ERC-20 event signature from EIP-20; its topic is Keccak-256 on both suites (the EVM's hash). */
  private static final Hash TRANSFER_TOPIC =
      Hash.wrap(Keccak256.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII)));

  @TempDir Path directory;

  private static String genesis(long chainId, String suite, Address funded) {
    return "{\"chainId\": " + chainId + ", \"suite\": \"" + suite + "\", \"blockGasLimit\": 30000000,"
        + " \"feeMode\": \"ethereum\", \"baseFeePerGas\": \"0\", \"validators\": [\"" + Address.ZERO + "\"],"
        + " \"alloc\": {\"" + funded + "\": {\"balance\": \"" + FUNDS + "\"}}}";
  }

  private static BigInteger balanceOf(XinlianClient client, Address token, Address owner) {
    return Abi.decodeUint256(client.call(CallRequest.to(token, Abi.call("balanceOf(address)", Abi.address(owner)))), 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.GM, CryptoSuites.STANDARD})
  void erc20ScenarioThroughTheSdk(String suiteName) throws Exception {
    byte[] creationCode = TokenArtifact.creationCode();
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    long chainId = suiteName.equals(CryptoSuites.GM) ? 9001 : 9002;
    Signer owner = new Signer(suite, suite.generateKeyPair(new SecureRandom()).privateKey());
    Address recipient = suite.address(suite.generateKeyPair(new SecureRandom()).publicKey());
    Path genesisFile = directory.resolve("genesis.json");
    Files.writeString(genesisFile, genesis(chainId, suiteName, owner.address()));
    NodeConfig config = NodeConfig.defaults(directory.resolve("ledger"), genesisFile)
        .withRpc(RpcServerConfig.defaults().withPort(0))
        .withBlockProduction(new NodeConfig.BlockProduction(0, 0));

    try (Node node = Node.start(config, Clock.system())) {
      XinlianClient client = XinlianClient.connect(
          URI.create("http://127.0.0.1:" + node.rpcAddress().getPort() + "/"), suite);
      assertEquals(chainId, client.chainId());
      assertEquals(FUNDS, client.balance(owner.address()));

      // Creation code followed by the constructor argument initialSupply (uint256).
      byte[] initCode = concat(creationCode, Abi.uint256(SUPPLY));
      TransactionReceipt deployed = owner.deploy(client, initCode, NodeFixture.DEADLINE);
      Address token = deployed.contractAddress().orElseThrow();
      assertEquals(owner.address(), deployed.from());
      assertTrue(client.code(token).length > 0);
      assertEquals(SUPPLY, balanceOf(client, token, owner.address()));

      // The transfer is sent with exactly the estimate as its gas limit and must succeed.
      byte[] transfer = Abi.call("transfer(address,uint256)", Abi.address(recipient), Abi.uint256(AMOUNT));
      long estimate = client.estimateGas(CallRequest.to(token, transfer).from(owner.address()));
      Hash hash = owner.send(client, TransactionRequest.call(token, transfer).withGasLimit(estimate));
      TransactionReceipt receipt = client.waitForReceipt(hash, NodeFixture.DEADLINE);
      assertTrue(receipt.success(), "transfer with exactly the estimated gas " + estimate);
      assertTrue(receipt.gasUsed() <= estimate);
      // The sender the node established (recovered on standard, the embedded SM2 key on gm) is ours.
      assertEquals(owner.address(), receipt.from());
      assertEquals(Optional.of(owner.address()), client.transactionSender(hash));

      assertEquals(AMOUNT, balanceOf(client, token, recipient));
      assertEquals(SUPPLY.subtract(AMOUNT), balanceOf(client, token, owner.address()));

      List<LogEntry> logs = client.logs(LogQuery.of(token, deployed.blockNumber(), receipt.blockNumber())
          .withEvent(TRANSFER_TOPIC));
      // The mint in the constructor (from the zero address) and the transfer.
      assertEquals(2, logs.size());
      LogEntry sent = logs.get(1);
      assertEquals(hash, sent.transactionHash());
      assertEquals(List.of(TRANSFER_TOPIC, word(owner.address()), word(recipient)), sent.topics());
      assertEquals(AMOUNT, Abi.decodeUint256(sent.data(), 0));
      assertEquals(receipt.logs().get(0).topics(), sent.topics());

      ContractRevertedException reverted = assertThrows(ContractRevertedException.class,
          () -> client.call(CallRequest.to(token, Abi.call("failWith()")).from(owner.address())));
      assertEquals(Optional.of("xinlian: failing on purpose"), reverted.reason());
      assertFalse(reverted.revertData().length == 0);
      ContractRevertedException estimateReverted = assertThrows(ContractRevertedException.class,
          () -> client.estimateGas(CallRequest.to(token, Abi.call("failWith()")).from(owner.address())));
      assertEquals(Optional.of("xinlian: failing on purpose"), estimateReverted.reason());

      assertTrue(node.producerFailure().isEmpty());
    }
  }

  private static Hash word(Address address) {
    return Hash.wrap(Abi.address(address));
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
