package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.execution.governance.ProposalStatus;
import org.xinlian.node.DevChain;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * Speaks to a node of a permissioned {@code network init} network over JSON-RPC only, as any
 * client would: signs legacy transactions with the network's governor and development keys, sends
 * them, waits for receipts, and drives governance proposals through the ABI of
 * contracts/IXinlianGovernance.sol (GOV-2 to GOV-7).
 */
final class GovernedNetworkClient {
  static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  static final Function VOTE = Function.parse("vote(uint64,uint8)");
  static final Function PROPOSAL_COUNT = Function.parse("proposalCount()", "(uint64)");
  static final Function GET_PROPOSAL = Function.parse("getProposal(uint64)",
      "((uint64,uint8,bytes,address,uint64,uint64,uint64,uint8,uint64,uint64,uint64,uint64,string))");
  static final long VOTING_PERIOD_BLOCKS = 1_000;
  static final long GAS = 3_000_000;
  private static final Duration RECEIPT_MAX = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  final CryptoSuite suite;
  private final Path net;
  private final int port;
  private final long chainId;
  private final TransactionCodec codec;

  GovernedNetworkClient(CryptoSuite suite, Path net, int port) {
    this.suite = suite;
    this.net = net;
    this.port = port;
    this.codec = TransactionCodec.of(suite);
    this.chainId = quantity(result("eth_chainId")).longValueExact();
  }

  /** The governor of organisation {@code k} (1-based), as {@code network init} wrote its key. */
  KeyPair governor(int organisation) {
    try {
      return suite.keyPairFromPrivateKey(suite.privateKeyFromPem(
          Files.readString(net.resolve("governors/org" + organisation + ".key.pem"))).bytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  KeyPair devAccount(int index) {
    return suite.keyPairFromPrivateKey(DevChain.privateKey(index));
  }

  Address address(KeyPair key) {
    return suite.address(key.publicKey());
  }

  JsonNode result(String method, Object... params) {
    JsonNode response = NetworkProcesses.call(port, method, params).orElseThrow(
        () -> new AssertionError("node on port " + port + " does not answer " + method));
    assertTrue(response.has("result"), method + ": " + response);
    return response.get("result");
  }

  static BigInteger quantity(JsonNode hex) {
    return NetworkProcesses.quantity(hex);
  }

  /** Signs and sends; the node's answer: a hash as {@code result}, or an {@code error}. */
  JsonNode sendRaw(KeyPair key, Optional<Address> to, BigInteger value, byte[] data) {
    Address from = address(key);
    long nonce = quantity(result("eth_getTransactionCount", from.toString(), "pending")).longValueExact();
    BigInteger gasPrice = quantity(result("eth_gasPrice")).multiply(BigInteger.TWO);
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, gasPrice, GAS, to, value, data,
        OptionalLong.of(chainId));
    byte[] raw = codec.encode(codec.sign(unsigned, key.privateKey()));
    return NetworkProcesses.call(port, "eth_sendRawTransaction", Hex.encode(raw)).orElseThrow();
  }

  /** Sends and waits for the receipt; fails if the node refuses the transaction. */
  JsonNode transact(KeyPair key, Optional<Address> to, BigInteger value, byte[] data) {
    JsonNode sent = sendRaw(key, to, value, data);
    assertTrue(sent.has("result"), "refused: " + sent);
    String hash = sent.get("result").asText();
    JsonNode[] receipt = new JsonNode[1];
    NetworkProcesses.await(RECEIPT_MAX, () -> {
      receipt[0] = NetworkProcesses.call(port, "eth_getTransactionReceipt", hash).map(r -> r.get("result"))
          .filter(r -> r != null && !r.isNull()).orElse(null);
      return receipt[0] != null;
    }, "the receipt of " + hash);
    return receipt[0];
  }

  /** Sends a transaction that must succeed (status 1). */
  JsonNode succeed(KeyPair key, Address to, byte[] data) {
    JsonNode receipt = transact(key, Optional.of(to), BigInteger.ZERO, data);
    assertEquals("0x1", receipt.path("status").asText(), "failed: " + receipt + " reason: " + callReason(key, to, data));
    return receipt;
  }

  /** An eth_call's return data, or the error object's message. */
  byte[] call(Address from, Address to, byte[] data) {
    ObjectNode request = JSON.createObjectNode().put("from", from.toString()).put("to", to.toString())
        .put("data", Hex.encode(data));
    return Hex.decode("result", result("eth_call", request, "latest").asText());
  }

  /** The revert reason an eth_call gets, or "" when it succeeds. */
  String callReason(KeyPair key, Address to, byte[] data) {
    ObjectNode request = JSON.createObjectNode().put("from", address(key).toString()).put("to", to.toString())
        .put("data", Hex.encode(data));
    JsonNode response = NetworkProcesses.call(port, "eth_call", request, "latest").orElseThrow();
    return response.has("error") ? response.get("error").path("message").asText() : "";
  }

  long proposalCount() {
    Tuple result = PROPOSAL_COUNT.decodeReturn(call(Governance.ADDRESS, Governance.ADDRESS,
        PROPOSAL_COUNT.encodeCallWithArgs().array()));
    return ((BigInteger) result.get(0)).longValueExact();
  }

  /** The proposal tuple of contracts/IXinlianGovernance.sol. */
  Tuple proposal(long id) {
    Tuple result = GET_PROPOSAL.decodeReturn(call(Governance.ADDRESS, Governance.ADDRESS,
        GET_PROPOSAL.encodeCallWithArgs(BigInteger.valueOf(id)).array()));
    return result.get(0);
  }

  ProposalStatus status(long id) {
    int code = proposal(id).get(7);
    for (ProposalStatus status : ProposalStatus.values()) {
      if (status.code() == code) {
        return status;
      }
    }
    throw new AssertionError("status " + code);
  }

  /** Governor {@code organisation} proposes; returns the new id. */
  long propose(int organisation, ProposalKind kind, long executeAt, Object... payload) {
    byte[] data = PROPOSE.encodeCallWithArgs(kind.code(), ProposalPayloads.encode(kind, payload),
        BigInteger.valueOf(executeAt), BigInteger.valueOf(VOTING_PERIOD_BLOCKS)).array();
    succeed(governor(organisation), Governance.ADDRESS, data);
    return proposalCount();
  }

  void vote(int organisation, long id, Choice choice) {
    succeed(governor(organisation), Governance.ADDRESS,
        VOTE.encodeCallWithArgs(BigInteger.valueOf(id), choice.code()).array());
  }

  /** Proposed by org1's governor, voted for by governors in turn until it executes; its id. */
  long pass(ProposalKind kind, Object... payload) {
    long id = propose(1, kind, 0, payload);
    for (int organisation = 1; status(id) == ProposalStatus.OPEN; organisation++) {
      vote(organisation, id, Choice.FOR);
    }
    assertEquals(ProposalStatus.EXECUTED, status(id), "proposal " + id + ": " + proposal(id).get(12));
    return id;
  }

  static com.esaulpaugh.headlong.abi.Address abi(Address address) {
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }
}
