package org.xinlian.evm.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.RevertReason;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.interpreter.ContractAddresses;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.precompile.SystemContract;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/**
 * The EVM asks the chain's {@link AccessPolicy} (docs/spec/evm.md EVM-16; docs/spec/governance.md
 * GOV-8 admission, GOV-9 deploy rights on {@code msg.sender}, GOV-12 frozen contracts): a refused
 * sender is a rejection, a refused creator's CREATE pushes 0 and spends the creation's gas, a
 * refused message reverts with {@code Error(reason)}; calls nobody includes are asked only about
 * creations, and precompiles and system contracts are never asked about.
 */
class AccessPolicyTest {
  private static final Address SENDER = address(0xa1);
  private static final Address UNADMITTED = address(0xa2);
  private static final Address CALLER = address(0xb1);
  private static final Address FACTORY = address(0xc1);
  private static final Address FROZEN = address(0xd1);
  private static final Address FROZEN_LIBRARY = address(0xd2);
  private static final Address SYSTEM = address(0xf101);
  private static final Address COINBASE = address(0xee);
  /** Enough that the 64th a caller keeps back from a refused CREATE pays for two SSTOREs. */
  private static final long GAS_LIMIT = 3_000_000;
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1, 30_000_000,
      UInt256.fromLong(7), UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
  /** Stores 42 at slot 0 and returns it as a word. */
  private static final String STORES_AND_RETURNS_42 = "602a600055" + "602a60005260206000f3";
  /** Initcode deploying the one-byte code 0x42. */
  private static final String INITCODE = "604260005360016000f3";

  /** Refuses the accounts in its sets with GOV-8/9/12's wording and records what it was asked. */
  private static final class Policy implements AccessPolicy {
    final Set<Address> unadmitted = new HashSet<>();
    final Set<Address> nonCreators = new HashSet<>();
    final Set<Address> frozen = new HashSet<>();
    final List<Address> askedSenders = new ArrayList<>();
    final List<Address> askedCreators = new ArrayList<>();
    final List<Address> askedContracts = new ArrayList<>();

    @Override
    public Optional<String> refuseSender(WorldState state, Address sender, boolean creates) {
      askedSenders.add(sender);
      if (unadmitted.contains(sender)) {
        return Optional.of("sender " + sender + " is not admitted");
      }
      return creates && nonCreators.contains(sender)
          ? Optional.of("sender " + sender + " may not deploy contracts") : Optional.empty();
    }

    @Override
    public Optional<String> refuseCreate(WorldState state, Address creator) {
      askedCreators.add(creator);
      return nonCreators.contains(creator)
          ? Optional.of(creator + " may not deploy contracts") : Optional.empty();
    }

    @Override
    public Optional<String> refuseMessage(WorldState state, Address contract) {
      askedContracts.add(contract);
      return frozen.contains(contract)
          ? Optional.of("contract " + contract + " is frozen") : Optional.empty();
    }
  }

  private final Policy policy = new Policy();
  private final InMemoryWorldState state = new InMemoryWorldState();

  private static Address address(int number) {
    return Address.fromHex(String.format("0x%040x", number));
  }

  private static String push20(Address address) {
    return "73" + Hex.encodeBare(address.toArray());
  }

  /** CALL(gas, target, value, no input); SSTORE(0, success); SSTORE(1, 1); returns the return data. */
  private static String callsAndReturnsTheReturnData(Address target, int value) {
    return "6000600060006000" + String.format("60%02x", value) + push20(target) + "5af1" + "600055"
        + "6001600155" + "3d60006000" + "3e" + "3d6000f3";
  }

  /** As {@link #callsAndReturnsTheReturnData} with DELEGATECALL (no value operand). */
  private static String delegatecallsAndReturnsTheReturnData(Address target) {
    return "6000600060006000" + push20(target) + "5af4" + "600055" + "6001600155" + "3d60006000"
        + "3e" + "3d6000f3";
  }

  /** CREATE of {@link #INITCODE}; SSTORE(0, the address pushed); SSTORE(1, 1). */
  private static String creates() {
    String padded = INITCODE + "00".repeat(32 - INITCODE.length() / 2);
    return "7f" + padded + "600052" + String.format("60%02x", INITCODE.length() / 2) + "60006000f0"
        + "600055" + "6001600155" + "00";
  }

  private void deploy(Address address, String code) {
    state.setCode(address, Hex.decode(code));
    state.setNonce(address, 1);
  }

  private void fund(Address... accounts) {
    for (Address account : accounts) {
      state.setBalance(account, UInt256.fromLong(1_000_000_000));
    }
    state.commitInitialState();
  }

  private static ExecutableTransaction transaction(Address from, Optional<Address> to, long nonce, String data) {
    return new ExecutableTransaction(2, from, to, nonce, GAS_LIMIT, UInt256.ZERO, Hex.decode(data),
        UInt256.fromLong(10), UInt256.fromLong(2), List.of(), List.of(), UInt256.ZERO);
  }

  private TransactionProcessor processor(Precompiles precompiles) {
    return new TransactionProcessor(precompiles, FeeMode.ETHEREUM, policy);
  }

  private TransactionResult send(Address from, Address to) {
    return processor(Precompiles.cancun()).process(state, BLOCK, transaction(from, Optional.of(to), 0, ""));
  }

  private TransactionResult call(Address from, Optional<Address> to, String data) {
    return processor(Precompiles.cancun())
        .processCall(state, BLOCK, transaction(from, to, state.nonce(from), data), StopSignal.NEVER);
  }

  /** GOV-8: the sender is asked first; a refusal rejects the transaction and changes nothing. */
  @Test
  void aRefusedSenderIsRejectedAndNothingChanges() {
    policy.unadmitted.add(UNADMITTED);
    deploy(FROZEN, STORES_AND_RETURNS_42);
    fund(UNADMITTED);
    TransactionResult result = send(UNADMITTED, FROZEN);
    assertTrue(result.isRejected());
    assertEquals("sender " + UNADMITTED + " is not admitted", result.rejection().orElseThrow());
    assertEquals(0, state.nonce(UNADMITTED));
    assertEquals(UInt256.fromLong(1_000_000_000), state.balance(UNADMITTED));
    assertEquals(UInt256.ZERO, state.storage(FROZEN, UInt256.ZERO));
    assertEquals(UInt256.ZERO, state.balance(COINBASE));
    assertEquals(List.of(), policy.askedContracts, "nothing ran, so no message was asked about");
  }

  /** GOV-8: a creation transaction asks with {@code creates}, so deploy rights are checked. */
  @Test
  void aCreationTransactionAsksForDeployRights() {
    policy.nonCreators.add(SENDER);
    fund(SENDER);
    TransactionResult result = processor(Precompiles.cancun())
        .process(state, BLOCK, transaction(SENDER, Optional.empty(), 0, INITCODE));
    assertEquals("sender " + SENDER + " may not deploy contracts", result.rejection().orElseThrow());
    assertEquals(0, state.nonce(SENDER));
  }

  /**
   * GOV-9: CREATE by a refused creator pushes 0, the creator's nonce still moves, nothing is
   * deployed, the creation's gas is spent, and the calling code goes on.
   */
  @Test
  void createByARefusedCreatorPushesZeroAndTheCallerContinues() {
    policy.nonCreators.add(CALLER);
    deploy(CALLER, creates());
    fund(SENDER);
    TransactionResult result = send(SENDER, CALLER);
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertEquals(UInt256.ZERO, state.storage(CALLER, UInt256.ZERO), "CREATE pushed 0");
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ONE), "the caller went on");
    assertEquals(2, state.nonce(CALLER));
    assertEquals(0, state.code(ContractAddresses.create(CALLER, 1)).length);
    assertEquals(List.of(CALLER), policy.askedCreators, "asked about msg.sender, not the EOA");
    // The child had all but a 64th of what was left, and spent it.
    assertTrue(result.gasUsed() > (GAS_LIMIT - 21_000) * 63 / 64, "gas used " + result.gasUsed());
  }

  /**
   * GOV-9, on {@code msg.sender}: a factory allowed to create deploys for an EOA that may not
   * create itself (whose own creation transaction is refused).
   */
  @Test
  void aFactoryAllowedToCreateDeploysForAnAccountThatIsNotACreator() {
    policy.nonCreators.add(SENDER);
    deploy(FACTORY, creates());
    fund(SENDER);
    TransactionResult result = send(SENDER, FACTORY);
    assertEquals(Outcome.SUCCESS, result.outcome());
    Address created = ContractAddresses.create(FACTORY, 1);
    assertEquals(UInt256.fromBytes(created.toArray()), state.storage(FACTORY, UInt256.ZERO));
    assertArrayEquals(new byte[] {0x42}, state.code(created));
    assertEquals(List.of(FACTORY), policy.askedCreators);
    assertTrue(result.gasUsed() < 200_000, "gas used " + result.gasUsed());
    assertTrue(processor(Precompiles.cancun())
        .process(state, BLOCK, transaction(SENDER, Optional.empty(), 1, INITCODE)).isRejected());
  }

  /**
   * GOV-12: a CALL into a frozen contract reverts with {@code Error(reason)}, its code does not run,
   * the value stays, the gas comes back, and the caller sees CALL return 0 and goes on.
   */
  @Test
  void aCallIntoARefusedContractRevertsWithTheReasonAndTheCallerContinues() {
    policy.frozen.add(FROZEN);
    deploy(FROZEN, STORES_AND_RETURNS_42);
    deploy(CALLER, callsAndReturnsTheReturnData(FROZEN, 5));
    fund(SENDER, CALLER);
    TransactionResult result = send(SENDER, CALLER);
    assertEquals(Outcome.SUCCESS, result.outcome());
    byte[] expected = RevertReason.errorData("contract " + FROZEN + " is frozen");
    assertArrayEquals(expected, result.output(), "the revert data reached the caller");
    assertEquals(UInt256.ZERO, state.storage(CALLER, UInt256.ZERO), "CALL returned 0");
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ONE), "the caller went on");
    assertEquals(UInt256.ZERO, state.storage(FROZEN, UInt256.ZERO), "the frozen code did not run");
    assertEquals(UInt256.ZERO, state.balance(FROZEN), "no value moved");
    assertTrue(result.gasUsed() < 100_000, "the refused message's gas came back: " + result.gasUsed());
  }

  /** GOV-12: a transaction straight to a frozen contract reverts, using only the intrinsic gas. */
  @Test
  void aTransactionToARefusedContractReverts() {
    policy.frozen.add(FROZEN);
    deploy(FROZEN, STORES_AND_RETURNS_42);
    fund(SENDER);
    TransactionResult result = send(SENDER, FROZEN);
    assertEquals(Outcome.REVERT, result.outcome());
    assertArrayEquals(RevertReason.errorData("contract " + FROZEN + " is frozen"), result.output());
    assertEquals(TransactionProcessor.TRANSACTION_GAS, result.gasUsed());
    assertEquals(1, state.nonce(SENDER), "executed, not rejected");
  }

  /** GOV-12: DELEGATECALL runs the library's code, so a frozen library is refused too. */
  @Test
  void aDelegatecallToRefusedCodeReverts() {
    policy.frozen.add(FROZEN_LIBRARY);
    deploy(FROZEN_LIBRARY, STORES_AND_RETURNS_42);
    deploy(CALLER, delegatecallsAndReturnsTheReturnData(FROZEN_LIBRARY));
    fund(SENDER);
    TransactionResult result = send(SENDER, CALLER);
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertArrayEquals(RevertReason.errorData("contract " + FROZEN_LIBRARY + " is frozen"), result.output());
    assertEquals(UInt256.ZERO, state.storage(CALLER, UInt256.ZERO), "DELEGATECALL returned 0");
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ONE));
    assertEquals(List.of(CALLER, CALLER, FROZEN_LIBRARY), policy.askedContracts,
        "the transaction's recipient, then the delegate call's recipient and its code");
  }

  /** GOV-12 and GOV-8: eth_call reads a frozen contract with any {@code from}; nobody is asked. */
  @Test
  void callsIgnoreRefusedSendersAndMessages() {
    policy.unadmitted.add(UNADMITTED);
    policy.frozen.add(FROZEN);
    deploy(FROZEN, STORES_AND_RETURNS_42);
    fund(UNADMITTED);
    TransactionResult result = call(UNADMITTED, Optional.of(FROZEN), "");
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertEquals(UInt256.fromLong(42), UInt256.fromBytes(result.output()));
    assertEquals(List.of(), policy.askedSenders);
    assertEquals(List.of(), policy.askedContracts);
  }

  /**
   * GOV-9 in calls: a forbidden deployment is rejected with the reason (so an estimate fails
   * saying why), and a forbidden CREATE inside a call pushes 0.
   */
  @Test
  void callsHonourRefusedCreations() {
    policy.nonCreators.add(SENDER);
    policy.nonCreators.add(CALLER);
    deploy(CALLER, creates());
    fund(SENDER);
    TransactionResult deployment = call(SENDER, Optional.empty(), INITCODE);
    assertEquals(SENDER + " may not deploy contracts", deployment.rejection().orElseThrow());
    TransactionResult nested = call(SENDER, Optional.of(CALLER), "");
    assertEquals(Outcome.SUCCESS, nested.outcome());
    assertEquals(UInt256.ZERO, state.storage(CALLER, UInt256.ZERO), "CREATE pushed 0");
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ONE));
    assertEquals(List.of(SENDER, CALLER), policy.askedCreators);
    assertEquals(List.of(), policy.askedSenders);
  }

  /**
   * EVM-16: precompiles and system contracts are the chain's own code and never asked about, by
   * CALL, by DELEGATECALL or as a transaction's recipient (the policy would refuse them).
   */
  @Test
  void precompilesAndSystemContractsAreNeverAskedAbout() {
    Address identity = Precompiles.address(0x04);
    Address sha256 = Precompiles.address(0x02);
    policy.frozen.addAll(List.of(identity, sha256, SYSTEM));
    SystemContract system = (s, b, message) -> SystemContract.Result.success(100,
        "ok".getBytes(StandardCharsets.US_ASCII));
    Precompiles precompiles = Precompiles.cancun().withSystemContract(SYSTEM, system);
    // CALL(identity) then DELEGATECALL(sha256), each success flag stored (slots 0 and 1).
    deploy(CALLER, "60006000600060006000" + push20(identity) + "5af1" + "600055"
        + "6000600060006000" + push20(sha256) + "5af4" + "600155" + "00");
    fund(SENDER);
    TransactionResult viaContract = processor(precompiles)
        .process(state, BLOCK, transaction(SENDER, Optional.of(CALLER), 0, ""));
    assertEquals(Outcome.SUCCESS, viaContract.outcome());
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ZERO), "CALL to the identity succeeded");
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ONE), "DELEGATECALL to sha256 succeeded");
    TransactionResult direct = processor(precompiles)
        .process(state, BLOCK, transaction(SENDER, Optional.of(SYSTEM), 1, ""));
    assertEquals(Outcome.SUCCESS, direct.outcome());
    assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), direct.output());
    assertFalse(policy.askedContracts.contains(identity));
    assertFalse(policy.askedContracts.contains(sha256));
    assertFalse(policy.askedContracts.contains(SYSTEM));
    assertEquals(List.of(CALLER, CALLER), policy.askedContracts,
        "the transaction's recipient, then the delegate call's recipient");
  }

  /** The revert data is ABI {@code Error(string)}; a reason above 256 bytes is cut, not split. */
  @Test
  void revertReasonsAreAbiErrorStrings() {
    assertEquals("0x08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "6869000000000000000000000000000000000000000000000000000000000000",
        Hex.encode(RevertReason.errorData("hi")));
    // 255 ASCII bytes then a 3-byte character: cutting at 256 would split it, so it is dropped.
    byte[] cut = RevertReason.errorData("a".repeat(255) + "\u4fe1" + "tail");
    assertEquals(255, cut[4 + 63] & 0xFF);
    assertEquals(4 + 64 + 256, cut.length);
  }
}
