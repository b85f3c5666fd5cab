package org.xinlian.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommitOutcome;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.CommittedHead;
import org.xinlian.consensus.Finalization;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ProposalVerdict;
import org.xinlian.consensus.HeightTiming;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.transaction.Transaction;

/**
 * A deterministic key-value state machine standing in for execution: a block holds transactions
 * from the {@link TransactionPool}, each storing a value under a key; the header carries the
 * resulting state root. Validity is a pure function of the block and the committed chain (plus a
 * clock bound on the timestamp, as execution has), which is what consensus needs of an
 * application.
 */
public final class KeyValueApplication implements Application {
  /** Transactions in one block at most. */
  public static final int BLOCK_TRANSACTIONS_MAX = 4;

  /** How far in the future of this node's clock a block's timestamp may be, in seconds. */
  public static final long TIMESTAMP_DRIFT_SECONDS_MAX = 15;

  private final KeyValueLedger ledger;
  private final CryptoSuite suite;
  private final Clock clock;
  private final RandomSource random;
  private final TransactionPool pool;
  private final TimingSchedule timing;
  private Hash pendingHash;
  private KeyValueState pendingState;

  public KeyValueApplication(KeyValueLedger ledger, CryptoSuite suite, Clock clock, RandomSource random) {
    this(ledger, suite, clock, random, TimingSchedule.none());
  }

  /** @param timing the chain's own timing by height (CONSENSUS-23), answered by {@link #heightTiming} */
  public KeyValueApplication(KeyValueLedger ledger, CryptoSuite suite, Clock clock, RandomSource random,
      TimingSchedule timing) {
    this.timing = Objects.requireNonNull(timing, "timing");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.pool = TransactionPool.of(suite);
  }

  @Override
  public CommittedHead lastCommitted() {
    KeyValueLedger.Entry head = ledger.head();
    return new CommittedHead(ledger.height(), head.block().hash(suite));
  }

  @Override
  public ValidatorSet validatorSet(long height) {
    return ledger.validatorSet(height);
  }

  @Override
  public Optional<HeightTiming> heightTiming(long height) {
    return timing.at(height);
  }

  @Override
  public Block prepareProposal(ProposalRequest request) {
    KeyValueLedger.Entry head = ledger.head();
    int count = random.nextInt(BLOCK_TRANSACTIONS_MAX + 1);
    List<Transaction> transactions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      transactions.add(pool.get(random.nextInt(TransactionPool.POOL_SIZE)));
    }
    KeyValueState state = head.state().apply(transactions);
    long timestamp = Math.max(head.block().header().timestamp(), clock.currentTimeMillis() / 1000);
    BlockHeader header = new BlockHeader(request.parentHash(), request.height(), timestamp,
        request.proposer(), state.root(suite), KeyValueLedger.transactionsRoot(suite, transactions),
        Hash.ZERO, LogsBloom.EMPTY, 0, 0, new byte[0], new byte[0]);
    return new Block(header, transactions);
  }

  @Override
  public ProposalVerdict processProposal(Block block) {
    return check(block).map(ProposalVerdict::reject).orElse(ProposalVerdict.accept());
  }

  @Override
  public boolean bodyMatchesHeader(Block block) {
    return block.header().transactionsRoot()
        .equals(KeyValueLedger.transactionsRoot(suite, block.transactions()));
  }

  @Override
  public Finalization finalizeBlock(Block block) {
    Optional<String> problem = check(block);
    Invariants.check(problem.isEmpty(), "finalizing an invalid block: %s", problem.orElse(""));
    pendingHash = block.hash(suite);
    pendingState = ledger.head().state().apply(block.transactions());
    return new Finalization(pendingState.root(suite));
  }

  @Override
  public CommitOutcome commit(Block block, CommitCertificate certificate) {
    Invariants.check(block.hash(suite).equals(pendingHash), "committing a block not finalized");
    KeyValueState state = pendingState;
    pendingHash = null;
    pendingState = null;
    return ledger.append(block, certificate, state);
  }

  @Override
  public Optional<CommittedBlock> committedBlock(long height) {
    if (height < 1 || height > ledger.height()) {
      return Optional.empty();
    }
    Block block = ledger.at(height).block();
    return Optional.of(new CommittedBlock(
        block, CommitCertificate.decode(block.header().commitCertificate(), suite)));
  }

  /** The first rule {@code block} breaks, if any. */
  private Optional<String> check(Block block) {
    KeyValueLedger.Entry head = ledger.head();
    BlockHeader header = block.header();
    if (header.number() != ledger.height() + 1) {
      return Optional.of("number: expected " + (ledger.height() + 1) + " but got " + header.number());
    }
    if (!header.parentHash().equals(head.block().hash(suite))) {
      return Optional.of("parentHash: not the head");
    }
    long parentTimestamp = head.block().header().timestamp();
    long bound = clock.currentTimeMillis() / 1000 + TIMESTAMP_DRIFT_SECONDS_MAX;
    if (header.timestamp() < parentTimestamp || header.timestamp() > bound) {
      return Optional.of("timestamp: " + header.timestamp() + " outside [" + parentTimestamp
          + ", " + bound + "]");
    }
    if (block.transactions().size() > BLOCK_TRANSACTIONS_MAX) {
      return Optional.of("transactions: more than " + BLOCK_TRANSACTIONS_MAX);
    }
    for (Transaction transaction : block.transactions()) {
      if (!pool.contains(transaction.hash(suite))) {
        return Optional.of("transactions: unknown transaction " + transaction.hash(suite));
      }
    }
    if (!header.transactionsRoot().equals(KeyValueLedger.transactionsRoot(suite, block.transactions()))) {
      return Optional.of("transactionsRoot: does not match the transactions");
    }
    if (!header.stateRoot().equals(head.state().apply(block.transactions()).root(suite))) {
      return Optional.of("stateRoot: does not match executing the transactions");
    }
    return Optional.empty();
  }
}
