package org.xinlian.sdk.governance;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.sdk.CallRequest;
import org.xinlian.sdk.LogEntry;
import org.xinlian.sdk.Signer;
import org.xinlian.sdk.TransactionReceipt;
import org.xinlian.sdk.TransactionRequest;
import org.xinlian.sdk.XinlianClient;
import org.xinlian.sdk.XinlianClientException;

/**
 * Consortium governance through one node (docs/spec/governance.md GOV-17): proposals built with
 * {@link ProposalDraft}, votes, offline votes signed on either suite ({@link #signVoteOffline})
 * and submitted by anyone, and the {@code xinlian_getProposal} read.
 *
 * <p>Every transaction is estimated before it is signed (and sent with {@link #GAS_MARGIN_PERCENT}
 * more gas), so a call the contract would refuse
 * throws {@link org.xinlian.sdk.ContractRevertedException} with the contract's reason ({@code
 * voter: 0x… is not a governor}) and nothing is sent. Each method then waits for the receipt and
 * throws {@link XinlianClientException} if the transaction failed in its block anyway (the state
 * changed in between). Instances are thread-safe.
 */
public final class GovernanceClient {
  /** The governance system contract of a permissioned chain (GOV-2). */
  public static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000f101");
  /** How long each method waits for its receipt by default: many block intervals. */
  public static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
  /**
   * Added to each estimate. The contract prices a storage word by what it holds (GOV-20), and an
   * estimate runs at the head's height while the transaction runs at the next: a proposal's
   * creation height, say, is 0 (unchanged, cheap) on the genesis state and new in block 1.
   */
  public static final long GAS_MARGIN_PERCENT = 10;
  /** The contract's limit on one {@code submitVotes} call (GOV-20). */
  public static final int SIGNED_VOTES_PER_CALL_MAX = 100;

  static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  static final Function VOTE = Function.parse("vote(uint64,uint8)");
  static final Function SUBMIT_VOTES = Function.parse("submitVotes(uint64,(uint8,bytes)[])");
  static final Function REVOKE = Function.parse("revoke(uint64)");
  static final Function EXECUTE = Function.parse("execute(uint64)");
  static final Function VOTE_DIGEST = Function.parse("voteDigest(uint64,uint8)", "(bytes32)");
  /** Topic 0 of {@code ProposalCreated}; its first indexed argument (topic 1) is the new id. */
  static final Hash PROPOSAL_CREATED = Hash.wrap(Keccak256.hash(
      "ProposalCreated(uint64,uint8,address,bytes,uint64,uint64)".getBytes(StandardCharsets.US_ASCII)));

  private final XinlianClient client;
  private final Duration receiptTimeout;

  public GovernanceClient(XinlianClient client) {
    this(client, RECEIPT_TIMEOUT);
  }

  public GovernanceClient(XinlianClient client, Duration receiptTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.receiptTimeout = Objects.requireNonNull(receiptTimeout, "receiptTimeout");
  }

  /**
   * Makes a proposal (GOV-3) and returns its id, read from the {@code ProposalCreated} event of
   * the receipt.
   */
  public long propose(Signer proposer, ProposalDraft draft) {
    byte[] data = PROPOSE.encodeCallWithArgs(draft.kind().code(), draft.payload(),
        BigInteger.valueOf(draft.executeAt()), BigInteger.valueOf(draft.votingPeriodBlocks())).array();
    TransactionReceipt receipt = transact(proposer, data, "propose " + draft.kind());
    for (LogEntry log : receipt.logs()) {
      if (log.address().equals(ADDRESS) && log.topics().size() > 1 && log.topics().get(0).equals(PROPOSAL_CREATED)) {
        return new BigInteger(1, log.topics().get(1).toArray()).longValueExact();
      }
    }
    throw new DecodingException("receipt.logs", "no ProposalCreated event from " + ADDRESS + " in "
        + receipt.transactionHash());
  }

  /** A governor's vote (GOV-4); the vote that passes a proposal due now also executes it (GOV-7). */
  public TransactionReceipt vote(Signer governor, long id, Choice choice) {
    return transact(governor, VOTE.encodeCallWithArgs(BigInteger.valueOf(id), choice.code()).array(),
        "vote on proposal " + id);
  }

  /**
   * Submits votes signed offline (GOV-6), at most {@link #SIGNED_VOTES_PER_CALL_MAX}; any admitted
   * account may send them, each counts for the governor whose key signed it.
   */
  public TransactionReceipt submitVotes(Signer sender, long id, List<SignedVote> votes) {
    if (votes.isEmpty() || votes.size() > SIGNED_VOTES_PER_CALL_MAX) {
      throw new IllegalArgumentException("votes: " + votes.size() + " votes, not 1 to " + SIGNED_VOTES_PER_CALL_MAX);
    }
    Tuple[] tuples = new Tuple[votes.size()];
    for (int i = 0; i < tuples.length; i++) {
      tuples[i] = Tuple.from(votes.get(i).choice().code(), votes.get(i).signature());
    }
    return transact(sender, SUBMIT_VOTES.encodeCallWithArgs(BigInteger.valueOf(id), (Object) tuples).array(),
        "submit " + votes.size() + " vote(s) on proposal " + id);
  }

  /** The proposer withdraws its open proposal. */
  public TransactionReceipt revoke(Signer proposer, long id) {
    return transact(proposer, REVOKE.encodeCallWithArgs(BigInteger.valueOf(id)).array(), "revoke proposal " + id);
  }

  /** Executes a passed proposal whose execution height has come (GOV-7). */
  public TransactionReceipt execute(Signer sender, long id) {
    return transact(sender, EXECUTE.encodeCallWithArgs(BigInteger.valueOf(id)).array(), "execute proposal " + id);
  }

  /** Proposal {@code id} as of the head, or empty when there is none (GOV-16). */
  public Optional<GovernanceProposal> getProposal(long id) {
    JsonNode result = client.request("xinlian_getProposal", "0x" + Long.toHexString(id));
    return result.isNull() ? Optional.empty() : Optional.of(GovernanceProposal.parse(result, "xinlian_getProposal"));
  }

  /**
   * What an offline vote on proposal {@code id} is bound to, read from the node: hand it (or a file
   * made of it) to the air-gapped governor.
   */
  public VoteSubject voteSubject(long id) {
    GovernanceProposal proposal = getProposal(id).orElseThrow(
        () -> new IllegalArgumentException("id: no proposal " + id + " on " + client.endpoint()));
    JsonNode genesis = client.request("eth_getBlockByNumber", "0x0", false);
    Hash genesisHash = GovernanceFields.hash(GovernanceFields.member(genesis, "eth_getBlockByNumber", "hash"),
        "eth_getBlockByNumber.hash");
    return new VoteSubject(client.chainId(), genesisHash, id, proposal.kind(), proposal.rawPayload(),
        proposal.executeAt());
  }

  /** The digest the contract itself tells signers ({@code voteDigest}), to check {@link VoteDigest} against. */
  public byte[] voteDigest(long id, Choice choice) {
    byte[] output = client.call(CallRequest.to(ADDRESS,
        VOTE_DIGEST.encodeCallWithArgs(BigInteger.valueOf(id), choice.code()).array()));
    return VOTE_DIGEST.decodeReturn(output).get(0);
  }

  /** Signs a vote with no connection at all; see {@link VoteDigest#sign}. */
  public static SignedVote signVoteOffline(CryptoSuite suite, PrivateKey key, VoteSubject subject, Choice choice) {
    return VoteDigest.sign(suite, key, subject, choice);
  }

  private TransactionReceipt transact(Signer signer, byte[] data, String what) {
    long estimate = client.estimateGas(CallRequest.to(ADDRESS, data).from(signer.address()));
    Hash hash = signer.send(client, TransactionRequest.call(ADDRESS, data)
        .withGasLimit(estimate + estimate * GAS_MARGIN_PERCENT / 100));
    TransactionReceipt receipt = client.waitForReceipt(hash, receiptTimeout);
    if (!receipt.success()) {
      throw new XinlianClientException(what + ": transaction " + hash + " failed in block " + receipt.blockNumber()
          + ": " + replay(hash, receipt));
    }
    return receipt;
  }

  /** Why a mined transaction failed: the same message replayed on the state before its block. */
  private String replay(Hash hash, TransactionReceipt receipt) {
    JsonNode transaction = client.request("eth_getTransactionByHash", hash.toString());
    var message = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    message.put("from", receipt.from().toString());
    message.put("to", ADDRESS.toString());
    message.set("data", transaction.get("input"));
    message.set("gas", transaction.get("gas"));
    try {
      client.request("eth_call", message, "0x" + Long.toHexString(receipt.blockNumber() - 1));
      return "the replay on block " + (receipt.blockNumber() - 1) + " succeeds, so an earlier transaction of the "
          + "block changed the state (used " + receipt.gasUsed() + " gas of " + transaction.get("gas").asText() + ")";
    } catch (org.xinlian.sdk.RpcError e) {
      return e.getMessage();
    }
  }
}
