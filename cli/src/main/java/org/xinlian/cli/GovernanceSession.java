package org.xinlian.cli;

import com.esaulpaugh.headlong.abi.Function;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * One governance command's conversation with a node (GOV-18): reads through the {@code xinlian_}
 * methods, and transactions that are simulated with {@code eth_call} first — a refusal is printed
 * with the contract's reason and nothing is sent — then estimated, signed, sent and awaited.
 */
final class GovernanceSession implements AutoCloseable {
  static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  static final Function VOTE = Function.parse("vote(uint64,uint8)");
  static final Function SUBMIT_VOTES = Function.parse("submitVotes(uint64,(uint8,bytes)[])");
  /**
   * Added to each estimate: the contract prices a storage word by what it holds (GOV-20) and an
   * estimate runs at the head's height, the transaction at a later one.
   */
  static final long GAS_MARGIN_PERCENT = 10;
  /** Between receipt polls: a block or less on a consortium network. */
  static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final Hash PROPOSAL_CREATED = Hash.wrap(Keccak256.hash(
      "ProposalCreated(uint64,uint8,address,bytes,uint64,uint64)".getBytes(StandardCharsets.US_ASCII)));

  final CryptoSuite suite;
  private final URI endpoint;
  private final ValidatorsRpc node;
  private final CliEnvironment environment;
  private final long timeoutSeconds;

  /** A session on {@code connection}'s node, whose suite is the node's unless {@code --suite} names it. */
  GovernanceSession(GovConnection connection, CliEnvironment environment) {
    this(connection.rpc, connection.suite, connection.timeoutSeconds, environment);
  }

  /** @param suiteName the chain's suite as the user or a file names it; null to ask the node */
  GovernanceSession(URI endpoint, String suiteName, long timeoutSeconds, CliEnvironment environment) {
    this.endpoint = endpoint;
    this.node = new ValidatorsRpc(endpoint);
    this.environment = environment;
    this.timeoutSeconds = timeoutSeconds;
    try {
      this.suite = CryptoSuites.byName(checkedSuite(suiteName));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** The node's suite; one named otherwise is refused, since its signatures would count for no one. */
  private String checkedSuite(String named) {
    JsonNode answer = call("xinlian_getGovernance").get("suite");
    if (answer == null || !answer.isTextual() || !CryptoSuites.names().contains(answer.asText())) {
      throw new UserException(endpoint + " did not tell its chain's suite (xinlian_getGovernance.suite): " + answer);
    }
    if (named != null && !named.equals(answer.asText())) {
      throw new UserException("--suite: " + endpoint + " serves a " + answer.asText() + " chain, not " + named);
    }
    return answer.asText();
  }

  JsonNode call(String method, Object... params) {
    return node.call(method, params);
  }

  long chainId() {
    return node.chainId();
  }

  Hash genesisHash() {
    return node.genesisHash();
  }

  long head() {
    return node.quantity("eth_blockNumber");
  }

  /** Proposal {@code id} at the head; refused when the chain has none. */
  JsonNode proposal(long id) {
    JsonNode proposal = call("xinlian_getProposal", quantity(id));
    if (proposal == null || proposal.isNull()) {
      throw new UserException("no proposal " + id + " on " + endpoint);
    }
    return proposal;
  }

  /** Makes a proposal and returns its id, from the receipt's {@code ProposalCreated} event. */
  long propose(KeyPair key, ProposalKind kind, byte[] payload, GovTiming timing) {
    byte[] data = PROPOSE.encodeCallWithArgs(kind.code(), payload, BigInteger.valueOf(timing.executeAt),
        BigInteger.valueOf(timing.votingPeriodBlocks)).array();
    JsonNode receipt = send(key, Optional.of(Governance.ADDRESS), data, "propose " + kind);
    for (JsonNode log : receipt.path("logs")) {
      JsonNode topics = log.path("topics");
      if (Governance.ADDRESS.toString().equalsIgnoreCase(log.path("address").asText()) && topics.size() > 1
          && PROPOSAL_CREATED.toString().equalsIgnoreCase(topics.get(0).asText())) {
        return new BigInteger(topics.get(1).asText().substring(2), 16).longValueExact();
      }
    }
    throw new UserException("the receipt of the proposal holds no ProposalCreated event");
  }

  /**
   * Simulates, sends and awaits one transaction from {@code key}; {@code to} empty deploys {@code
   * data}. Returns the receipt of a successful transaction.
   */
  JsonNode send(KeyPair key, Optional<Address> to, byte[] data, String what) {
    Address from = suite.address(key.publicKey());
    Map<String, String> message = new LinkedHashMap<>();
    message.put("from", from.toString());
    to.ifPresent(address -> message.put("to", address.toString()));
    message.put("data", Hex.encode(data));
    try {
      call("eth_call", message, "latest");
    } catch (UserException e) {
      throw new UserException(what + " refused, nothing sent: " + e.getMessage());
    }
    long estimate = node.quantity("eth_estimateGas", message);
    long nonce = node.quantity("eth_getTransactionCount", from.toString(), "pending");
    long gasPrice = node.quantity("eth_gasPrice");
    long chainId = chainId();
    TransactionCodec codec = TransactionCodec.of(suite);
    byte[] raw = codec.encode(codec.sign(new UnsignedTransaction.Legacy(nonce, BigInteger.valueOf(gasPrice),
        estimate + estimate * GAS_MARGIN_PERCENT / 100, to, BigInteger.ZERO, data, OptionalLong.of(chainId)),
        key.privateKey()));
    Hash hash = Hash.wrap(Hex.decode("transactionHash", call("eth_sendRawTransaction", Hex.encode(raw)).asText()));
    JsonNode receipt = awaitReceipt(hash);
    long block = ValidatorsRpc.quantity(receipt.get("blockNumber"), "blockNumber");
    if (ValidatorsRpc.quantity(receipt.get("status"), "status") != 1) {
      throw new UserException(what + ": " + hash + " failed in block " + block + " (receipt status 0): "
          + replay(message, block - 1));
    }
    return receipt;
  }

  private JsonNode awaitReceipt(Hash hash) {
    long deadline = environment.clock().nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      Optional<JsonNode> receipt = node.receipt(hash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      if (environment.clock().nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
        throw new UserException(hash + " is not in a block after " + timeoutSeconds
            + " s; it may still be included (check its receipt)");
      }
      LockSupport.parkNanos(POLL_INTERVAL_NANOS);
    }
  }

  /** Why a transaction failed, replayed on the state before its block. */
  private String replay(Map<String, String> message, long before) {
    try {
      call("eth_call", message, quantity(before));
      return "the replay on block " + before + " succeeds (another transaction in the block changed the state)";
    } catch (UserException e) {
      return e.getMessage();
    }
  }

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  @Override
  public void close() {
    node.close();
  }
}
