package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Signature;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.execution.governance.ValidatorSetUpdate;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.verify.LedgerVerifier;
import org.xinlian.ledger.verify.VerificationProgress;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * EXECUTION-10, EXECUTION-11 (docs/adr/0009): a transaction to the governance contract signed by
 * more than two thirds of the current validators records the next validator epoch in state; the
 * commit two heights before it takes effect reports it; every invalid update reverts with a reason
 * naming the field and changes nothing.
 */
class ValidatorGovernanceTest {
  private static final BigInteger FUNDS = new BigInteger("1000000000000000000");
  private static final byte[] CERTIFICATE = {9, 9, 9};
  /** TestNode keys of the four genesis validators; key 8 is no validator. */
  private static final List<Integer> VALIDATOR_KEYS = List.of(4, 5, 6, 7);
  private static final int OUTSIDER_KEY = 8;
  private static final long GAS = 1_000_000;

  @TempDir Path directory;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /**
   * Forwards its call data to the governance contract by DELEGATECALL and reverts with what came
   * back: CALLDATACOPY(0, 0, size); DELEGATECALL(gas, 0xf100, 0, size, 0, 0); POP;
   * RETURNDATACOPY(0, 0, returnsize); REVERT(0, returnsize).
   */
  private static final String DELEGATING_CODE =
      "0x3660006000376000600036600061f1005af4503d600060003e3d6000fd";
  private static final Address DELEGATING = Address.fromHex("0x00000000000000000000000000000000000000d0");

  private GenesisConfig genesis(String suiteName) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    String json = TestNode.genesisJson(suiteName, "ethereum", FUNDS,
        ",\n    \"" + DELEGATING + "\": {\"balance\": \"0\", \"code\": \"" + DELEGATING_CODE + "\"}");
    StringBuilder validators = new StringBuilder();
    for (int key : VALIDATOR_KEYS) {
      validators.append(validators.length() == 0 ? "" : ", ").append('"').append(TestNode.address(suite, key)).append('"');
    }
    return TestNode.writeAndLoad(directory, json.replace(
        "\"validators\": [\"" + TestNode.address(suite, 9) + "\"]", "\"validators\": [" + validators + "]"));
  }

  private static List<Address> addresses(CryptoSuite suite, int... keys) {
    List<Address> addresses = new ArrayList<>();
    for (int key : keys) {
      addresses.add(TestNode.address(suite, key));
    }
    addresses.sort(null);
    return addresses;
  }

  /** An update of {@code epoch} signed by the TestNode keys {@code signers}, in that order. */
  private static ValidatorSetUpdate update(TestNode node, ValidatorEpoch epoch, int... signers) {
    Hash genesisHash = node.blocks.canonicalHash(0).orElseThrow();
    byte[] digest = ValidatorSetUpdate.digest(node.suite, TestNode.CHAIN_ID, genesisHash, epoch);
    List<Signature> signatures = new ArrayList<>();
    for (int signer : signers) {
      signatures.add(node.suite.sign(TestNode.key(node.suite, signer).privateKey(), digest));
    }
    return new ValidatorSetUpdate(epoch, signatures);
  }

  private static VerifiedTransaction submit(TestNode node, long nonce, byte[] data) {
    return node.sign(0, new UnsignedTransaction.Legacy(nonce, BigInteger.valueOf(TestNode.BASE_FEE), GAS,
        Optional.of(ValidatorGovernance.ADDRESS), BigInteger.ZERO, data, OptionalLong.of(TestNode.CHAIN_ID)));
  }

  /** Proposes a block on {@code a}, has {@code b} accept it, commits on both; returns a's result. */
  private static Committed produce(TestNode a, TestNode b, List<VerifiedTransaction> candidates) {
    Proposal proposal = a.port.prepareProposal(a.request(candidates));
    assertTrue(proposal.skipped().isEmpty(), proposal.skipped().toString());
    ProposalVerdict verdict = b.port.processProposal(proposal.block(), proposal.block().header().timestamp());
    assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
    CommitResult result = a.port.commit(a.port.finalizeBlock(proposal.block()), CERTIFICATE);
    CommitResult other = b.port.commit(b.port.finalizeBlock(proposal.block()), CERTIFICATE);
    assertEquals(result, other);
    assertEquals(a.port.validatorHistory(), b.port.validatorHistory());
    return new Committed(result, proposal.receipts());
  }

  private record Committed(CommitResult result, List<Receipt> receipts) {}

  /** The revert reason an eth_call of {@code data} gets on the head state. */
  private static String reason(TestNode node, byte[] data) {
    CallResult result = node.port.call(CallRequest.of(TestNode.address(node.suite, 0), ValidatorGovernance.ADDRESS,
        data), Optional.empty());
    assertEquals(CallResult.Status.REVERTED, result.status(), result.toString());
    return ValidatorGovernance.revertReason(result.output()).orElseThrow();
  }

  /**
   * A quorum (3 of 4) replaces validator 7 by the outsider 8 from height 4: recorded at height 1,
   * reported by the commit of height 2, identical on a second node that re-executes the block, in
   * state that survives a restart and that the ledger verifier finds consistent; the same bytes
   * cannot be replayed, and the new quorum signs the next change.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void validQuorumRecordsTheEpochReportsItAndSurvivesRestart(String suiteName) throws Exception {
    GenesisConfig genesis = genesis(suiteName);
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    Path data = directory.resolve("a");
    ValidatorEpoch next = new ValidatorEpoch(1, 4, addresses(suite, 4, 5, 6, OUTSIDER_KEY));
    byte[] encoded;
    try (TestNode b = TestNode.inMemory(genesis, executor)) {
      try (TestNode a = new TestNode(KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL)),
          genesis, executor)) {
        ValidatorHistory before = a.port.validatorHistory();
        assertEquals(List.of(new ValidatorEpoch(0, 1, addresses(suite, 4, 5, 6, 7))).toString(),
            before.epochs().stream().map(e -> new ValidatorEpoch(e.number(), e.activationHeight(),
                e.validators().stream().sorted().toList())).toList().toString());
        encoded = update(a, next, 6, 4, 5).encode(suite);
        Committed first = produce(a, b, List.of(submit(a, 0, encoded)));
        assertTrue(first.receipts().get(0).success(), "the update succeeds");
        assertEquals(Optional.empty(), first.result().validatorChange(), "height 1 reports nothing for 3");
        ValidatorHistory history = a.port.validatorHistory();
        assertEquals(2, history.epochs().size());
        assertEquals(next, history.latest());
        assertEquals(0, history.at(3).number());
        assertEquals(next, history.at(4));
        Committed second = produce(a, b, List.of());
        assertEquals(Optional.of(next), second.result().validatorChange(), "height 2 reports the set of 4");
        assertEquals(Optional.empty(), produce(a, b, List.of()).result().validatorChange());
        assertTrue(new LedgerVerifier(a.store, suite, data.toString()).verify(VerificationProgress.NONE).clean());
      }
      try (TestNode a = new TestNode(KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL)),
          genesis, executor)) {
        assertEquals(b.port.validatorHistory(), a.port.validatorHistory(), "the history survives a restart");
        assertEquals(next, a.port.validatorHistory().at(4));
        assertEquals("epoch: expected 2 but got 1 (already recorded)", reason(a, encoded));
        ValidatorEpoch early = new ValidatorEpoch(2, a.head().number() + 3, addresses(suite, 4, 5, 6));
        assertEquals("pending: epoch 1 takes effect at height 4; a new change waits until then",
            reason(a, update(a, early, OUTSIDER_KEY, 5, 6).encode(suite)));
        produce(a, b, List.of());
        // The old quorum without the new member no longer counts: 7 left the set.
        ValidatorEpoch third = new ValidatorEpoch(2, a.head().number() + 3, addresses(suite, 4, 5, 6));
        assertTrue(reason(a, update(a, third, 4, 5, 7).encode(suite))
            .startsWith("signatures[2]: " + TestNode.address(suite, 7) + " is not a validator of epoch 1"));
        Committed replaced = produce(a, b, List.of(submit(a, 1, update(a, third, OUTSIDER_KEY, 5, 6).encode(suite))));
        assertTrue(replaced.receipts().get(0).success());
        assertEquals(third, a.port.validatorHistory().latest());
      }
    }
  }

  /** The signature checks: too few, a non-validator, a duplicate, another chain's digest. */
  @Test
  void signaturesMustComeFromMoreThanTwoThirdsOfTheCurrentValidators() throws Exception {
    GenesisConfig genesis = genesis("standard");
    try (TestNode node = TestNode.inMemory(genesis, executor)) {
      CryptoSuite suite = node.suite;
      ValidatorEpoch next = new ValidatorEpoch(1, 5, addresses(suite, 4, 5, 6));
      assertEquals("signatures: 2 of the 4 validators of epoch 0 signed; more than two thirds needs 3",
          reason(node, update(node, next, 4, 5).encode(suite)));
      assertEquals("signatures[1]: " + TestNode.address(suite, OUTSIDER_KEY) + " is not a validator of epoch 0",
          reason(node, update(node, next, 4, OUTSIDER_KEY, 5, 6).encode(suite)));
      assertEquals("signatures[2]: a second signature by " + TestNode.address(suite, 5),
          reason(node, update(node, next, 4, 5, 5, 6).encode(suite)));
      // Signed for another chain id: secp256k1 recovers some other address from the digest.
      byte[] foreign = ValidatorSetUpdate.digest(suite, TestNode.CHAIN_ID + 1, node.blocks.canonicalHash(0).orElseThrow(), next);
      List<Signature> foreignSignatures = VALIDATOR_KEYS.stream()
          .map(key -> suite.sign(TestNode.key(suite, key).privateKey(), foreign)).toList();
      assertTrue(reason(node, new ValidatorSetUpdate(next, foreignSignatures).encode(suite))
          .matches("signatures\\[0\\]: 0x[0-9a-f]{40} is not a validator of epoch 0"));
    }
  }

  /** On gm an SM2 signature carries its key, so a signature over another digest does not verify. */
  @Test
  void gmSignatureOverAnotherDigestIsInvalid() throws Exception {
    GenesisConfig genesis = genesis("gm");
    try (TestNode node = TestNode.inMemory(genesis, executor)) {
      CryptoSuite suite = node.suite;
      ValidatorEpoch next = new ValidatorEpoch(1, 5, addresses(suite, 4, 5, 6));
      ValidatorEpoch other = new ValidatorEpoch(1, 6, next.validators());
      ValidatorSetUpdate signedOther = update(node, other, 4, 5, 6);
      assertEquals("signatures[0]: not a valid gm signature over the update of epoch 1",
          reason(node, new ValidatorSetUpdate(next, signedOther.signatures()).encode(suite)));
    }
  }

  /** Epoch order, one pending change at a time, activation bounds, DELEGATECALL, value, gas. */
  @Test
  void epochsActivationBoundsValueAndGas() throws Exception {
    GenesisConfig genesis = genesis("standard");
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      CryptoSuite suite = a.suite;
      List<Address> three = addresses(suite, 4, 5, 6);
      assertEquals("epoch: expected 1 but got 2",
          reason(a, update(a, new ValidatorEpoch(2, 5, three), 4, 5, 6).encode(suite)));
      // eth_call runs in the context of the head (0): the earliest activation is 2.
      assertEquals("activationHeight: 1 is before 2, two heights after this block 0",
          reason(a, update(a, new ValidatorEpoch(1, 1, three), 4, 5, 6).encode(suite)));
      assertEquals("activationHeight: 100001 is after 100000, 100000 heights after this block 0",
          reason(a, update(a, new ValidatorEpoch(1, 100_001, three), 4, 5, 6).encode(suite)));

      CallResult delegated = a.port.call(CallRequest.of(TestNode.address(suite, 0), DELEGATING,
          update(a, new ValidatorEpoch(1, 5, three), 4, 5, 6).encode(suite)), Optional.empty());
      assertEquals(CallResult.Status.REVERTED, delegated.status(), delegated.toString());
      assertEquals("call: the validator set changes only by a plain CALL (got DELEGATECALL)",
          ValidatorGovernance.revertReason(delegated.output()).orElseThrow());

      CallRequest valued = new CallRequest(Optional.of(TestNode.address(suite, 0)), Optional.of(ValidatorGovernance.ADDRESS),
          OptionalLong.empty(), BigInteger.ONE, update(a, new ValidatorEpoch(1, 5, three), 4, 5, 6).encode(suite),
          BigInteger.ZERO);
      assertEquals("value: the validator governance contract accepts no value",
          ValidatorGovernance.revertReason(a.port.call(valued, Optional.empty()).output()).orElseThrow());

      ValidatorSetUpdate good = update(a, new ValidatorEpoch(1, 10, three), 4, 5, 6);
      long price = ValidatorGovernance.gas(good);
      assertEquals(20_000 + 3 * 6_000 + 6 * 22_100, price);
      GasEstimate estimate = a.port.estimateGas(CallRequest.of(TestNode.address(suite, 0), ValidatorGovernance.ADDRESS,
          good.encode(suite)), Optional.empty());
      assertTrue(estimate.gasLimit() > price, "intrinsic gas comes on top: " + estimate.gasLimit());
      CallResult starved = a.port.call(CallRequest.of(TestNode.address(suite, 0), ValidatorGovernance.ADDRESS,
          good.encode(suite)).withGas(estimate.gasLimit() - 1), Optional.empty());
      assertEquals(CallResult.Status.HALTED, starved.status());

      assertTrue(produce(a, b, List.of(submit(a, 0, good.encode(suite)))).receipts().get(0).success());
      ValidatorSetUpdate early = update(a, new ValidatorEpoch(2, 12, addresses(suite, 4, 5)), 4, 5, 6);
      assertEquals("pending: epoch 1 takes effect at height 10; a new change waits until then",
          reason(a, early.encode(suite)));
    }
  }

  /**
   * A refused update included in a block: the receipt fails, the sender pays gas and its nonce
   * moves, the history stays, and a second node agrees on the resulting state root.
   */
  @Test
  void refusedUpdateInABlockChangesNothing() throws Exception {
    GenesisConfig genesis = genesis("standard");
    try (TestNode a = TestNode.inMemory(genesis, executor); TestNode b = TestNode.inMemory(genesis, executor)) {
      CryptoSuite suite = a.suite;
      ValidatorHistory before = a.port.validatorHistory();
      UInt256 contractBalance = a.balance(ValidatorGovernance.ADDRESS);
      byte[] tooFew = update(a, new ValidatorEpoch(1, 5, addresses(suite, 4, 5, 6)), 4, 5).encode(suite);
      Committed committed = produce(a, b, List.of(submit(a, 0, tooFew)));
      assertFalse(committed.receipts().get(0).success());
      assertEquals(1, a.nonce(TestNode.address(suite, 0)));
      assertEquals(before, a.port.validatorHistory());
      assertEquals(Optional.empty(), committed.result().validatorChange());
      assertEquals(contractBalance, a.balance(ValidatorGovernance.ADDRESS));
      assertEquals(0, a.states.stateAt(a.head().stateRoot()).nonce(ValidatorGovernance.ADDRESS),
          "the contract account was not written");
    }
  }

  /** Malformed data reverts with the decoder's field; the decoder names every problem. */
  @Test
  void malformedUpdatesAreRefusedNamingTheField() throws Exception {
    GenesisConfig genesis = genesis("standard");
    try (TestNode node = TestNode.inMemory(genesis, executor)) {
      CryptoSuite suite = node.suite;
      assertTrue(reason(node, new byte[] {1, 2, 3}).startsWith("validatorSetUpdate: "));
      assertTrue(reason(node, new byte[0]).startsWith("validatorSetUpdate: empty input"));
      List<Address> three = addresses(suite, 4, 5, 6);
      List<Address> reversed = new ArrayList<>(three);
      java.util.Collections.reverse(reversed);
      assertTrue(reason(node, update(node, new ValidatorEpoch(1, 5, reversed), 4, 5, 6).encode(suite))
          .startsWith("validatorSetUpdate.validators[1]: " + reversed.get(1) + " is not above the previous"));
      List<Address> twice = List.of(three.get(0), three.get(0));
      assertEquals("validatorSetUpdate.validators[1]: lists " + three.get(0) + " twice",
          reason(node, update(node, new ValidatorEpoch(1, 5, twice), 4, 5, 6).encode(suite)));
      List<Address> tooMany = new ArrayList<>();
      for (int i = 1; i <= ValidatorGovernance.VALIDATORS_MAX + 1; i++) {
        byte[] bytes = new byte[Address.LENGTH];
        bytes[18] = (byte) (i >> 8);
        bytes[19] = (byte) i;
        tooMany.add(Address.wrap(bytes));
      }
      assertEquals("validatorSetUpdate.validators[300]: more than 300 validators",
          reason(node, update(node, new ValidatorEpoch(1, 5, tooMany), 4).encode(suite)));
      byte[] unsigned = new ValidatorSetUpdate(new ValidatorEpoch(1, 5, three), List.of()).encode(suite);
      assertEquals("validatorSetUpdate.signatures: must hold at least one signature", reason(node, unsigned));
      byte[] good = update(node, new ValidatorEpoch(1, 5, three), 4, 5, 6).encode(suite);
      // Each 65-byte signature is encoded in 67 bytes (0xb8 0x41 prefix), the recovery id last:
      // set the first one's to 9.
      byte[] badSignature = good.clone();
      badSignature[badSignature.length - 2 * 67 - 1] = 9;
      assertTrue(reason(node, badSignature).startsWith("validatorSetUpdate.signatures[0]: signature: "),
          reason(node, badSignature));
      byte[] trailing = Arrays.copyOf(good, good.length + 1);
      assertTrue(reason(node, trailing).startsWith("validatorSetUpdate: "), reason(node, trailing));
    }
  }
}
