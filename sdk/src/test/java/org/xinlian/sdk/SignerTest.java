package org.xinlian.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionType;

class SignerTest {
  private static final Address TOKEN = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");

  /**
   * SDK-5: the address of the first key of the public test mnemonic, as anvil and Hardhat print
   * it (0xac09…ff80 controls 0xf39F…2266).
   */
  @Test
  void standardAddressIsEthereums() {
    CryptoSuite suite = CryptoSuites.standard();
    PrivateKey key = suite.keyPairFromPrivateKey(
        Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")).privateKey();
    assertEquals(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), new Signer(suite, key).address());
  }

  /** SDK-5: a key of one suite cannot sign for the other, and a signer refuses a client of the other suite. */
  @Test
  void suitesMustAgree() throws Exception {
    KeyPair gmKey = CryptoSuites.gm().generateKeyPair(new SecureRandom());
    assertThrows(IllegalArgumentException.class, () -> new Signer(CryptoSuites.standard(), gmKey.privateKey()));
    try (FakeNode node = new FakeNode()) {
      XinlianClient standardClient = XinlianClient.connect(node.uri(), CryptoSuites.standard());
      Signer gm = new Signer(CryptoSuites.gm(), gmKey.privateKey());
      assertThrows(IllegalArgumentException.class,
          () -> gm.send(standardClient, TransactionRequest.transfer(TOKEN, BigInteger.ONE)));
    }
  }

  /**
   * SDK-5: on a chain with a base fee the signer fills chain id, pending nonce, estimated gas and
   * EIP-1559 fees (2 × base fee + tip), signs with the chain's suite, and the envelope it sends
   * decodes back, under the node's own codec, to those fields and to the signer's address.
   */
  @Test
  void sendFillsFieldsAndSignsWithTheSuite() throws Exception {
    for (CryptoSuite suite : new CryptoSuite[] {CryptoSuites.standard(), CryptoSuites.gm()}) {
      Signer signer = new Signer(suite, suite.generateKeyPair(new SecureRandom()).privateKey());
      try (FakeNode node = new FakeNode()) {
        byte[][] sent = new byte[1][];
        node.result("eth_chainId", "\"0x2329\"")
            .result("eth_getTransactionCount", "\"0x4\"")
            .result("eth_estimateGas", "\"0xc350\"")
            .result("eth_getBlockByNumber", "{\"number\":\"0x1\",\"baseFeePerGas\":\"0x7\"}")
            .result("eth_maxPriorityFeePerGas", "\"0x3\"")
            .on("eth_sendRawTransaction", r -> {
              sent[0] = Hex.decode(r.get("params").get(0).asText());
              return FakeNode.result(r, "\"" + TransactionCodec.of(suite).hash(TransactionCodec.of(suite).decode(sent[0])) + "\"");
            });
        XinlianClient client = XinlianClient.connect(node.uri(), suite);
        byte[] data = Hex.decode("0xa9059cbb");
        Hash hash = signer.send(client, TransactionRequest.call(TOKEN, data));

        TransactionCodec codec = TransactionCodec.of(suite);
        Transaction transaction = codec.decode(sent[0]);
        assertEquals(codec.hash(transaction), hash);
        assertEquals(signer.address(), codec.sender(transaction), suite.name());
        assertEquals(TransactionType.DYNAMIC_FEE, transaction.type());
        assertEquals(9001, transaction.signedChainId().getAsLong());
        assertEquals(4, transaction.nonce());
        assertEquals(50_000, transaction.gasLimit());
        assertEquals(BigInteger.valueOf(17), transaction.maxFeePerGas());
        assertEquals(BigInteger.valueOf(3), transaction.maxPriorityFeePerGas());
        assertEquals(Optional.of(TOKEN), transaction.to());
        assertArrayEquals(data, transaction.data());
        assertEquals(signer.address().toString(),
            node.requests("eth_estimateGas").get(0).get("params").get(0).get("from").asText());
      }
    }
  }

  /** SDK-5: given nonce, gas and a legacy price, the signer asks the node for none of them. */
  @Test
  void explicitFieldsAreKept() throws Exception {
    CryptoSuite suite = CryptoSuites.gm();
    Signer signer = new Signer(suite, suite.generateKeyPair(new SecureRandom()).privateKey());
    try (FakeNode node = new FakeNode()) {
      byte[][] sent = new byte[1][];
      node.result("eth_chainId", "\"0x2329\"").on("eth_sendRawTransaction", r -> {
        sent[0] = Hex.decode(r.get("params").get(0).asText());
        return FakeNode.result(r, "\"0x" + "00".repeat(32) + "\"");
      });
      signer.send(XinlianClient.connect(node.uri(), suite), TransactionRequest.transfer(TOKEN, BigInteger.TEN)
          .withNonce(9).withGasLimit(21_000).withFees(new Fees.Legacy(BigInteger.ONE)));
      Transaction transaction = TransactionCodec.of(suite).decode(sent[0]);
      assertEquals(TransactionType.LEGACY, transaction.type());
      assertEquals(9, transaction.nonce());
      assertEquals(21_000, transaction.gasLimit());
      assertEquals(BigInteger.ONE, transaction.maxFeePerGas());
      assertEquals(BigInteger.TEN, transaction.value());
      assertEquals(2, node.requests.size());
    }
  }
}
