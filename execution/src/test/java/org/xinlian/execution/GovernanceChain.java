package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.xinlian.common.Address;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * A permissioned chain for governance tests (GOV-1): two nodes of one genesis, where every block
 * node {@code a} proposes is validated and executed again by node {@code b}.
 *
 * <p>TestNode keys: 0, 1 and 2 are governors (0 and 2 of {@code org1}, 1 of {@code org2}); 3 is
 * an operator and 4 a user of {@code org1}; 5 holds nothing; 6 is an auditor of {@code org2}; 7 is
 * an admin of {@code org2}; 9 is the validator (of {@code org1}).
 */
final class GovernanceChain implements AutoCloseable {
  static final int OPERATOR = 3;
  static final int USER = 4;
  static final int OUTSIDER = 5;
  static final int AUDITOR = 6;
  static final int ORG_ADMIN = 7;
  static final long GAS = 2_000_000;
  static final byte[] CERTIFICATE = {1};

  final CryptoSuite suite;
  final TestNode a;
  final TestNode b;
  final GenesisConfig genesis;
  private final Executor executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "governance-test");
    thread.setDaemon(true);
    return thread;
  });

  GovernanceChain(Path directory, String suiteName, long[] weights, String extraGovernance) throws Exception {
    this.suite = CryptoSuites.byName(suiteName);
    this.genesis = TestNode.writeAndLoad(directory, genesisJson(suite, suiteName, weights, extraGovernance));
    this.a = TestNode.inMemory(genesis, executor);
    this.b = TestNode.inMemory(genesis, executor);
  }

  GovernanceChain(Path directory, String suiteName) throws Exception {
    this(directory, suiteName, new long[] {1, 1, 1}, "");
  }

  static String genesisJson(CryptoSuite suite, String suiteName, long[] weights, String extraGovernance) {
    StringBuilder alloc = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      alloc.append(i == 0 ? "" : ",").append("\"").append(TestNode.address(suite, i))
          .append("\": {\"balance\": \"1000000000000000000000\"}");
    }
    return "{\"chainId\": " + TestNode.CHAIN_ID + ", \"suite\": \"" + suiteName + "\", "
        + "\"blockGasLimit\": " + TestNode.BLOCK_GAS_LIMIT + ", \"feeMode\": \"zero-price\", "
        + "\"validators\": [\"" + TestNode.address(suite, 9) + "\"], \"alloc\": {" + alloc + "}, "
        + "\"governance\": {"
        + "\"organisations\": [" + organisation(suite, "org1", 100) + ", " + organisation(suite, "org2", 1) + "], "
        + "\"governors\": [" + governor(suite, 0, "org1", weights[0]) + ", " + governor(suite, 1, "org2", weights[1])
        + ", " + governor(suite, 2, "org1", weights[2]) + "], "
        + "\"nodes\": [{\"address\": \"" + TestNode.address(suite, 9) + "\", \"organisation\": \"org1\", "
        + "\"role\": \"validator\"}], "
        + "\"accounts\": [" + account(suite, OPERATOR, "org1", "operator") + ", " + account(suite, USER, "org1", "user")
        + ", " + account(suite, AUDITOR, "org2", "auditor") + ", " + account(suite, ORG_ADMIN, "org2", "orgAdmin") + "]"
        + extraGovernance + "}}";
  }

  private static String organisation(CryptoSuite suite, String id, long quota) {
    return "{\"id\": \"" + id + "\", \"name\": \"Organisation " + id + "\", \"caCertificate\": \""
        + caPem(suite, id).replace("\n", "\\n") + "\", \"userQuota\": " + quota + "}";
  }

  static String caPem(CryptoSuite suite, String id) {
    KeyPair ca = TestNode.key(suite, 20 + id.hashCode() % 7);
    return suite.certificateToPem(suite.issueCertificate(new CertificateRequest("CN=" + id + " CA,O=" + id,
        ca.publicKey(), ca, null, BigInteger.ONE, Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2035-01-01T00:00:00Z"), true, List.of(), List.of())));
  }

  private static String governor(CryptoSuite suite, int key, String org, long weight) {
    return "{\"address\": \"" + TestNode.address(suite, key) + "\", \"organisation\": \"" + org + "\", \"weight\": "
        + weight + "}";
  }

  private static String account(CryptoSuite suite, int key, String org, String role) {
    return "{\"address\": \"" + TestNode.address(suite, key) + "\", \"organisation\": \"" + org
        + "\", \"roles\": [\"" + role + "\"]}";
  }

  Address address(int key) {
    return TestNode.address(suite, key);
  }

  GovernanceState state() {
    return GovernanceState.of(suite, a.states.stateAt(a.head().stateRoot()));
  }

  long height() {
    return a.head().number();
  }

  VerifiedTransaction transaction(int key, Address to, byte[] data) {
    return a.sign(key, new UnsignedTransaction.Legacy(a.nonce(address(key)), BigInteger.ZERO, GAS, Optional.of(to),
        BigInteger.ZERO, data, OptionalLong.of(TestNode.CHAIN_ID)));
  }

  /** Proposes a block of {@code transactions} on a, validates it on b, commits on both. */
  Committed produce(List<VerifiedTransaction> transactions) {
    Proposal proposal = a.port.prepareProposal(a.request(transactions));
    assertTrue(proposal.skipped().isEmpty(), proposal.skipped().toString());
    ProposalVerdict verdict = b.port.processProposal(proposal.block(), proposal.block().header().timestamp());
    assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
    CommitResult result = a.port.commit(a.port.finalizeBlock(proposal.block()), CERTIFICATE);
    assertEquals(result, b.port.commit(b.port.finalizeBlock(proposal.block()), CERTIFICATE));
    return new Committed(result, proposal.receipts());
  }

  /** A node of this chain that enforces nothing: a Byzantine proposer (tests only). */
  TestNode byzantine() {
    return TestNode.inMemory(genesis, executor, org.xinlian.evm.AccessPolicy.OPEN);
  }

  /** Votes {@code data} (a proposal) through with every governor; returns its id. */
  long passed(byte[] proposal) {
    ok(0, proposal);
    long id = state().proposalCount();
    for (int governor = 0; governor < 3; governor++) {
      if (state().proposal(id, height() + 1).orElseThrow().status()
          != org.xinlian.execution.governance.ProposalStatus.OPEN) {
        break;
      }
      ok(governor, GovernanceContractTest.vote(id, org.xinlian.execution.governance.Choice.FOR));
    }
    assertEquals(org.xinlian.execution.governance.ProposalStatus.EXECUTED, state().proposal(id, height() + 1)
        .orElseThrow().status(), () -> state().proposal(id, height() + 1).orElseThrow().executionError());
    return id;
  }

  /** Sends one transaction from {@code key} to the governance contract in its own block. */
  Receipt send(int key, byte[] data) {
    return send(key, Governance.ADDRESS, data);
  }

  Receipt send(int key, Address to, byte[] data) {
    return produce(List.of(transaction(key, to, data))).receipts().get(0);
  }

  /** Sends a call that must succeed. */
  Receipt ok(int key, byte[] data) {
    String refusal = reason(key, data);
    Receipt receipt = send(key, data);
    assertTrue(receipt.success(), "refused: " + refusal);
    return receipt;
  }

  /** The reason an eth_call of {@code data} by {@code key} reverts with on the head state, or "" on success. */
  String reason(int key, byte[] data) {
    CallResult result = a.port.call(new CallRequest(Optional.of(address(key)), Optional.of(Governance.ADDRESS),
        OptionalLong.of(GAS), BigInteger.ZERO, data, BigInteger.ZERO), Optional.empty());
    if (result.status() == CallResult.Status.SUCCESS) {
      return "";
    }
    return ValidatorGovernance.revertReason(result.output()).orElse(result.status() + " " + result.detail());
  }

  /** Asserts that the transaction is refused with {@code reason} and changes nothing. */
  void refused(int key, byte[] data, String reason) {
    assertEquals(reason, reason(key, data));
    Object before = governanceAccount();
    Receipt receipt = send(key, data);
    assertTrue(!receipt.success(), "the transaction succeeded");
    assertEquals(before, governanceAccount());
  }

  /** The governance contract's account (its storage root among it) at the head. */
  Object governanceAccount() {
    return a.states.account(a.head().stateRoot(), Governance.ADDRESS);
  }

  Tuple view(Function function, Object... args) {
    CallResult result = a.port.call(CallRequest.of(address(OUTSIDER), Governance.ADDRESS,
        function.encodeCallWithArgs(args).array()), Optional.empty());
    assertEquals(CallResult.Status.SUCCESS, result.status(), () -> result.detail()
        + ValidatorGovernance.revertReason(result.output()).orElse(""));
    return function.decodeReturn(result.output());
  }

  record Committed(CommitResult result, List<Receipt> receipts) {}

  @Override
  public void close() {
    a.close();
    b.close();
  }
}
