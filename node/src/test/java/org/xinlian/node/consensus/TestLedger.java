package org.xinlian.node.consensus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommitOutcome;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.ExecutionSettings;
import org.xinlian.execution.Executions;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.execution.governance.ValidatorSetUpdate;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.pool.FeeMode;
import org.xinlian.execution.pool.PoolConfig;
import org.xinlian.execution.pool.PoolLimits;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * A ledger in memory with the execution port, a pool and the {@link ExecutionApplication} over
 * them, on a manual clock: what block sync and the application adapter are tested against. The
 * network is four validators whose keys are generated here; {@link #commitNext} builds a block
 * as a proposer would and commits it with a certificate of all four seals.
 */
final class TestLedger implements AutoCloseable {
  static final long CHAIN_ID = 4242;
  /** The proposer's build budget: long enough that these tests never reach it. */
  static final long BUILD_TIME_MS = 60_000;
  /** This node's {@code consensus.roundTimeoutMs}. */
  static final long ROUND_TIMEOUT_MS = 2_000;

  /** A clock the test moves: one second per block keeps timestamps increasing. */
  static final class ManualClock implements Clock {
    long millis = 1_700_000_000_000L;
    long nanos;

    @Override
    public long currentTimeMillis() {
      return millis;
    }

    @Override
    public long nanoTime() {
      return nanos;
    }
  }

  final CryptoSuite suite;
  final List<KeyPair> validatorKeys;
  final ValidatorSet validators;
  final KeyPair sender;
  final ManualClock clock = new ManualClock();
  final KeyValueStore store;
  final BlockStore blocks;
  final TransactionPool pool;
  final ExecutionApplication application;
  /** What the application told its history listener, in order. */
  final List<ValidatorHistory> historiesRecorded = new ArrayList<>();
  /** The heights the application told its commit listener of (P2P membership, NODE-23), in order. */
  final List<Long> heightsCommitted = new ArrayList<>();
  /** The outcome of the last {@link #commitNext}. */
  CommitOutcome lastOutcome;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  TestLedger(CryptoSuite suite, List<KeyPair> validatorKeys, KeyPair sender) {
    this(suite, validatorKeys, sender, UnaryOperator.identity());
  }

  /** @param port wraps the execution port, for a test that replaces part of it */
  TestLedger(CryptoSuite suite, List<KeyPair> validatorKeys, KeyPair sender, UnaryOperator<ExecutionPort> port) {
    this.suite = suite;
    this.validatorKeys = validatorKeys;
    this.sender = sender;
    List<Address> addresses = validatorKeys.stream().map(key -> suite.address(key.publicKey())).toList();
    this.validators = ValidatorSet.equalPower(addresses);
    StringBuilder validatorList = new StringBuilder();
    for (Address address : addresses) {
      validatorList.append(validatorList.length() == 0 ? "" : ", ").append('"').append(address).append('"');
    }
    GenesisConfig genesis = GenesisConfig.parse(("{\"chainId\": " + CHAIN_ID + ", \"suite\": \""
        + suite.name() + "\", \"timestamp\": 1600000000, \"blockGasLimit\": 30000000,"
        + " \"feeMode\": \"ethereum\", \"baseFeePerGas\": \"0\", \"validators\": [" + validatorList
        + "], \"alloc\": {\"" + suite.address(sender.publicKey())
        + "\": {\"balance\": \"1000000000000000000000\"}}}").getBytes(StandardCharsets.UTF_8));
    this.store = KeyValueStores.inMemory(LedgerNamespaces.ALL);
    Genesis.initialize(genesis, store);
    StateDatabase states = new StateDatabase(store, suite);
    this.blocks = BlockStore.open(store, suite);
    ExecutionPort execution = port.apply(Executions.overLedger(ExecutionSettings.of(genesis), store, states,
        blocks, executor));
    PoolStateView view = new PoolStateView() {
      @Override
      public long nonce(Address account) {
        return states.headAccount(account).map(a -> a.nonce()).orElse(0L);
      }

      @Override
      public BigInteger balance(Address account) {
        return states.headAccount(account).map(a -> a.balance().toBigInteger()).orElse(BigInteger.ZERO);
      }
    };
    this.pool = new TransactionPool(new PoolConfig(suite, CHAIN_ID, false, 30_000_000,
        FeeMode.PRICED, BigInteger.ZERO, PoolLimits.defaults()), view, clock);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    this.application = new ExecutionApplication(execution, blocks, pool, root -> view,
        (block, receipts) -> { }, suite, historiesRecorded::add, heightsCommitted::add, ROUND_TIMEOUT_MS, clock,
        BUILD_TIME_MS, Counter.builder("budget").register(meters),
        Timer.builder("execution").register(meters), Timer.builder("finality").register(meters));
  }

  /** Four fresh validator keys and a funded sender on {@code suite}. */
  static List<KeyPair> keys(CryptoSuite suite, int count) {
    SecureRandom random = new SecureRandom();
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(suite.generateKeyPair(random));
    }
    return keys;
  }

  /** A signed transfer of 1 wei from the funded sender. */
  byte[] transfer(long nonce) {
    TransactionCodec codec = TransactionCodec.of(suite);
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, BigInteger.TEN.pow(9),
        21_000, Optional.of(Address.ZERO), BigInteger.ONE, new byte[0], OptionalLong.of(CHAIN_ID));
    return codec.encode(codec.sign(unsigned, sender.privateKey()));
  }

  /** Builds the next block from the pool as validator 0 would and commits it, certified by all. */
  Block commitNext() {
    return commitNext(validatorKeys);
  }

  /** As {@link #commitNext()}, certified by {@code signers} (the validators of the block's height). */
  Block commitNext(List<KeyPair> signers) {
    clock.millis += 1_000;
    BlockHeader parent = application.head();
    Block block = application.prepareProposal(new ProposalRequest(parent.number() + 1, 0,
        parent.hash(suite), validators.validators().get(0).address()));
    application.finalizeBlock(block);
    lastOutcome = application.commit(block, certificate(block, signers));
    return block;
  }

  /**
   * A transaction from the funded sender to the validator governance contract carrying
   * {@code epoch} signed by {@code signers} (docs/adr/0009).
   */
  byte[] governance(long nonce, ValidatorEpoch epoch, List<KeyPair> signers) {
    byte[] digest = ValidatorSetUpdate.digest(suite, CHAIN_ID, blocks.canonicalHash(0).orElseThrow(), epoch);
    ValidatorSetUpdate update = new ValidatorSetUpdate(epoch,
        signers.stream().map(key -> suite.sign(key.privateKey(), digest)).toList());
    TransactionCodec codec = TransactionCodec.of(suite);
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, BigInteger.TEN.pow(9), 1_000_000,
        Optional.of(ValidatorGovernance.ADDRESS), BigInteger.ZERO, update.encode(suite), OptionalLong.of(CHAIN_ID));
    return codec.encode(codec.sign(unsigned, sender.privateKey()));
  }

  /** A certificate of round 0 for {@code block} with a seal from each of {@code signers}. */
  CommitCertificate certificate(Block block, List<KeyPair> signers) {
    long height = block.header().number();
    byte[] digest = ConsensusSignatures.commitDigest(suite, height, 0, block.hash(suite));
    List<Signature> seals = signers.stream().map(key -> suite.sign(key.privateKey(), digest)).toList();
    return new CommitCertificate(height, 0, block.hash(suite), seals);
  }

  Address validator(int index) {
    return suite.address(validatorKeys.get(index).publicKey());
  }

  @Override
  public void close() {
    store.close();
    executor.shutdownNow();
  }
}
