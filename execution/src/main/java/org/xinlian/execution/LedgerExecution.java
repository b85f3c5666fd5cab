package org.xinlian.execution;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoException;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.ExecutionStoppedException;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.transaction.TransactionProcessor;
import org.xinlian.evm.transaction.TransactionResult;
import org.xinlian.execution.feature.ProtocolFeature;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceAccessPolicy;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.ledger.chain.BlockRejectedException;
import org.xinlian.ledger.chain.BlockDigests;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.ledger.state.StateHead;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.TransactionValidity;
import org.xinlian.types.transaction.TransactionValidityRules;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * The execution port over the ledger: blocks run on the head state of a {@link StateDatabase},
 * their state writes wait in a batch until {@link #commit} hands that batch, with the block, to
 * {@link BlockStore#commitBlock}, so a block and its state are one atomic write (EXECUTION-5).
 */
final class LedgerExecution implements ExecutionPort {
  /**
   * Executed blocks kept waiting for commit: a few rounds' worth of competing proposals at one
   * height. Older ones are dropped and would simply be executed again.
   */
  static final int PENDING_BLOCKS_MAX = 16;

  /**
   * Blocks between pruning runs: a run's cost is one walk of the retained states, whatever it
   * releases, so it is amortised over this many blocks (at most this many extra states kept).
   */
  static final long PRUNE_EVERY_BLOCKS = 32;

  /** Transactions per signature-recovery task: enough to amortise scheduling, few enough to spread. */
  static final int SIGNATURE_TASK_TRANSACTIONS = 64;

  /** The protocol features this release implements (OPS-80). */
  private static final Set<String> KNOWN_FEATURES = java.util.Arrays.stream(ProtocolFeature.values())
      .map(ProtocolFeature::featureName).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** A block executed on the current head, its state writes in {@code batch}. */
  private record Pending(Block block, Hash hash, List<Receipt> receipts, Hash stateRoot, WriteBatch batch,
      BlockDigests digests) {}

  private final ExecutionSettings settings;
  private final KeyValueStore store;
  private final StateDatabase states;
  private final BlockStore blocks;
  private final Executor signatureExecutor;
  private final KnownTransactions known;
  private final TransactionCodec codec;
  /** Who may do what: asked by the processor in blocks and calls, and by the pool (GOV-8). */
  private final AccessPolicy policy;
  private final TransactionProcessor processor;
  private final TransactionValidityRules rules;
  private final StateCalls calls;
  private final Map<Hash, Pending> pending = new LinkedHashMap<>();
  private final ParametersInForce inForce;
  private final FeaturesInForce features;
  /** The head state's validator epochs, replaced after each commit; read from any thread. */
  private volatile ValidatorHistory validatorHistory;
  /** The head state's governance nodes, replaced after each commit; null on an open chain. */
  private volatile GovernedNodes governedNodes;

  LedgerExecution(ExecutionSettings settings, KeyValueStore store, StateDatabase states,
      BlockStore blocks, Executor signatureExecutor, KnownTransactions known) {
    this(settings, store, states, blocks, signatureExecutor, known, accessPolicy(settings), Optional.empty());
  }

  /** As the other constructor, enforcing {@code policy} instead of the chain's (tests). */
  LedgerExecution(ExecutionSettings settings, KeyValueStore store, StateDatabase states,
      BlockStore blocks, Executor signatureExecutor, KnownTransactions known, AccessPolicy policy) {
    this(settings, store, states, blocks, signatureExecutor, known, policy, Optional.empty());
  }

  /** As the public path, with {@code parameters} in place of {@link #parametersFromState} (tests). */
  LedgerExecution(ExecutionSettings settings, KeyValueStore store, StateDatabase states,
      BlockStore blocks, Executor signatureExecutor, KnownTransactions known,
      Optional<ParametersInForce.Source> parameters) {
    this(settings, store, states, blocks, signatureExecutor, known, accessPolicy(settings), parameters,
        KNOWN_FEATURES);
  }

  /** As the public path, implementing only {@code knownFeatures}: an older release (OPS-82 tests). */
  LedgerExecution(ExecutionSettings settings, KeyValueStore store, StateDatabase states,
      BlockStore blocks, Executor signatureExecutor, KnownTransactions known, Set<String> knownFeatures) {
    this(settings, store, states, blocks, signatureExecutor, known, accessPolicy(settings), Optional.empty(),
        knownFeatures);
  }

  private LedgerExecution(ExecutionSettings settings, KeyValueStore store, StateDatabase states,
      BlockStore blocks, Executor signatureExecutor, KnownTransactions known, AccessPolicy policy,
      Optional<ParametersInForce.Source> parameters) {
    this(settings, store, states, blocks, signatureExecutor, known, policy, parameters, KNOWN_FEATURES);
  }

  private LedgerExecution(ExecutionSettings settings, KeyValueStore store, StateDatabase states,
      BlockStore blocks, Executor signatureExecutor, KnownTransactions known, AccessPolicy policy,
      Optional<ParametersInForce.Source> parameters, Set<String> knownFeatures) {
    this.settings = settings;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.known = known;
    this.store = store;
    this.states = states;
    this.blocks = blocks;
    this.signatureExecutor = signatureExecutor;
    this.codec = TransactionCodec.of(settings.suite());
    Hash genesisHash = blocks.canonicalHash(0).orElseThrow(
        () -> new IllegalStateException("execution: the store holds no genesis; initialise it first"));
    Precompiles precompiles = (settings.suite().name().equals("gm")
        ? Precompiles.cancunWithGm() : Precompiles.cancun())
        .withSystemContract(ValidatorGovernance.ADDRESS, ValidatorGovernance.contract(settings.suite(),
            settings.chainId(), genesisHash, settings.validators(), settings.permissioned()));
    if (settings.permissioned()) {
      precompiles = precompiles.withSystemContract(Governance.ADDRESS,
          Governance.contract(settings.suite(), settings.chainId(), genesisHash, settings.validators()));
    }
    // One processor, so blocks, calls and estimates enforce the same policy (EVM-16).
    this.processor = new TransactionProcessor(precompiles, settings.feeMode(), policy);
    this.rules = new TransactionValidityRules(settings.chainId(), false);
    this.calls = new StateCalls(settings, states, blocks, processor);
    BlockHeader head = head();
    this.validatorHistory = ValidatorHistory.read(states.stateAt(head.stateRoot()),
        ValidatorHistory.genesis(settings.validators()));
    if (settings.permissioned()) {
      this.governedNodes = GovernedNodes.read(settings.suite(), states, head.stateRoot(), null);
    }
    this.inForce = new ParametersInForce(parameters.orElse(this::parametersFromState), blocks, head);
    this.features = new FeaturesInForce(settings.suite(), knownFeatures, states::stateAt, head);
  }

  /**
   * The parameters of {@code height} as the state {@code stateRoot} records them (see {@link
   * ParametersInForce.Source#at}): on a permissioned chain the governance contract's schedule
   * (GOV-15), else the genesis defaults.
   */
  SystemParameters parametersFromState(Hash stateRoot, long height) {
    if (!settings.permissioned()) {
      return settings.defaultParameters();
    }
    return GovernanceState.of(settings.suite(), states.stateAt(stateRoot)).parametersAt(height);
  }

  @Override
  public SystemParameters parametersAt(long height) {
    return inForce.at(height);
  }

  /**
   * The chain's access policy (docs/spec/governance.md GOV-8, GOV-9, GOV-12): the one place the
   * processor of blocks, calls and estimates, and the pool's admission, get it from: a
   * permissioned chain enforces its governance state, an open development chain nothing.
   */
  static AccessPolicy accessPolicy(ExecutionSettings settings) {
    return settings.permissioned() ? new GovernanceAccessPolicy(settings.suite()) : AccessPolicy.OPEN;
  }

  @Override
  public synchronized Proposal prepareProposal(ProposalRequest request) {
    BlockHeader parent = head();
    Hash parentHash = parent.hash(settings.suite());
    if (!request.parentHash().equals(parentHash) || request.height() != parent.number() + 1) {
      throw new IllegalArgumentException("proposal: height " + request.height() + " on parent "
          + request.parentHash() + " does not extend the head, block " + parent.number() + " "
          + parentHash);
    }
    // Equal timestamps are allowed: header time is whole seconds, and a consortium chain makes
    // several blocks a second (EXECUTION-2).
    if (request.timestamp() < parent.timestamp()) {
      throw new IllegalArgumentException("proposal: timestamp " + request.timestamp()
          + " is before the parent's " + parent.timestamp());
    }
    features.requireKnown(request.height());
    JournaledWorldState state = headState(parent);
    SystemParameters parameters = inForce.after(parent);
    long gasLimit = parameters.blockGasLimit();
    long gasBudget = Math.min(request.limits().gas(), gasLimit);
    int transactionsMax = Math.min(request.limits().transactions(), parameters.maxTransactionsPerBlock());
    BlockContext context = context(request.proposer(), request.height(), request.timestamp(), gasLimit);
    List<Transaction> included = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    List<SkippedTransaction> skipped = new ArrayList<>();
    long gasUsed = 0;
    long bytes = 0;
    boolean budgetReached = false;
    for (VerifiedTransaction candidate : request.candidates()) {
      if (included.size() >= transactionsMax) {
        break;
      }
      // The first transaction always completes, so a block makes progress whatever the budget.
      StopSignal budget = included.isEmpty() ? StopSignal.NEVER : request.buildBudget();
      if (budget.stopRequested()) {
        budgetReached = true;
        break;
      }
      if (bytes + candidate.encodedLength() > request.limits().bytes()) {
        continue;
      }
      Optional<String> reason = admissible(candidate.transaction(), parameters, gasBudget - gasUsed);
      TransactionResult result = null;
      if (reason.isEmpty()) {
        try {
          result = processor.process(state, context, BlockExecution.executable(candidate), budget);
        } catch (ExecutionStoppedException stopped) {
          // Reverted by the processor; it stays in the pool for a later block.
          budgetReached = true;
          break;
        }
        reason = result.rejection();
      }
      if (reason.isPresent()) {
        skipped.add(new SkippedTransaction(candidate.hash(), reason.get()));
        continue;
      }
      receipts.add(result.receipt(candidate.transaction().type(), gasUsed));
      gasUsed += result.gasUsed();
      bytes += candidate.encodedLength();
      included.add(candidate.transaction());
    }
    CompletableFuture<BlockDigests> digestsTask = digestsInParallel(included, receipts);
    WriteBatch batch = store.newBatch();
    Hash stateRoot = states.commit(state, request.height(), batch).root();
    BlockDigests digests = join(digestsTask);
    BlockHeader header = new BlockHeader(parentHash, request.height(), request.timestamp(),
        request.proposer(), stateRoot, digests.transactionsRoot(), digests.receiptsRoot(),
        digests.logsBloom(), gasUsed, gasLimit, features.extraData(request.height()), new byte[0]);
    Block block = new Block(header, included);
    Hash hash = header.hash(settings.suite());
    remember(new Pending(block, hash, receipts, stateRoot, batch, digests));
    return new Proposal(block, hash, receipts, skipped, budgetReached);
  }

  @Override
  public synchronized ProposalVerdict processProposal(Block block, long timestampUpperBound) {
    Object outcome = validate(block, OptionalLong.of(timestampUpperBound));
    return outcome instanceof String reason ? ProposalVerdict.reject(reason) : ProposalVerdict.accept();
  }

  @Override
  public synchronized FinalizedBlock finalizeBlock(Block block) {
    Object outcome = validate(block, OptionalLong.empty());
    if (outcome instanceof String reason) {
      throw new InvalidBlockException("block " + block.header().number() + ": " + reason);
    }
    Pending executed = (Pending) outcome;
    return new FinalizedBlock(executed.block(), executed.hash(), executed.receipts(), executed.stateRoot(),
        executed.digests().transactionHashes());
  }

  @Override
  public synchronized CommitResult commit(FinalizedBlock finalized, byte[] commitCertificate) {
    Pending executed = pending.get(finalized.hash());
    if (executed == null) {
      throw new InvalidBlockException("block " + finalized.hash() + " was not finalised here, or the "
          + "head moved since");
    }
    Block block = new Block(executed.block().header().withCommitCertificate(commitCertificate),
        executed.block().transactions());
    try {
      blocks.commitBlock(executed.batch(), block, executed.receipts(), executed.digests());
    } catch (BlockRejectedException e) {
      throw new InvalidBlockException(e.getMessage());
    }
    // Every other pending block was executed on the old head, so none can be committed now.
    pending.values().forEach(other -> other.batch().close());
    pending.clear();
    ValidatorHistory history = ValidatorHistory.read(states.stateAt(executed.stateRoot()), validatorHistory);
    validatorHistory = history;
    if (governedNodes != null) {
      governedNodes = GovernedNodes.read(settings.suite(), states, executed.stateRoot(), governedNodes);
    }
    long number = block.header().number();
    inForce.committed(number, executed.stateRoot());
    features.committed(executed.stateRoot());
    return new CommitResult(number, executed.hash(), executed.stateRoot(),
        history.startingAt(number + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN));
  }

  @Override
  public synchronized long pruneStateIfDue() {
    return states.pruneIfDue(PRUNE_EVERY_BLOCKS).nodesDeleted();
  }

  @Override
  public ValidatorHistory validatorHistory() {
    return validatorHistory;
  }

  @Override
  public Optional<List<GovernanceRecords.Node>> governedNodes() {
    GovernedNodes nodes = governedNodes;
    return nodes == null ? Optional.empty() : Optional.of(nodes.nodes());
  }

  /**
   * Not synchronised: the pool asks on its admitting threads, and must not wait for a block. The
   * policy reads the flat head view, one key-value read per slot; a commit landing meanwhile may
   * make it read the next head, which the pool is about to learn anyway (POOL-8), and block
   * validation asks again on the block's own state.
   */
  @Override
  public Optional<String> refuseSender(Address sender, boolean creates) {
    if (policy == AccessPolicy.OPEN) {
      return Optional.empty();
    }
    return policy.refuseSender(states.headState(), sender, creates);
  }

  @Override
  public CallResult call(CallRequest request, Optional<Hash> blockHash, StopSignal stop) {
    return calls.call(request, blockHash, stop);
  }

  @Override
  public GasEstimate estimateGas(CallRequest request, Optional<Hash> blockHash, StopSignal stop) {
    return calls.estimateGas(request, blockHash, stop);
  }

  /**
   * Checks {@code block} and executes it on the head: the {@link Pending} execution if every
   * check passes, else the rejection as a String. A block already executed here is not re-run.
   */
  private Object validate(Block block, OptionalLong timestampUpperBound) {
    BlockHeader header = block.header();
    BlockHeader parent = head();
    Hash parentHash = parent.hash(settings.suite());
    if (!header.parentHash().equals(parentHash)) {
      return "parentHash: " + header.parentHash() + " is not the head " + parentHash;
    }
    if (header.number() != parent.number() + 1) {
      return "number: " + header.number() + " does not follow the head's " + parent.number();
    }
    if (header.timestamp() < parent.timestamp()) {
      return "timestamp: " + header.timestamp() + " is before the parent's " + parent.timestamp();
    }
    if (timestampUpperBound.isPresent() && header.timestamp() > timestampUpperBound.getAsLong()) {
      return "timestamp: " + header.timestamp() + " is after the accepted bound "
          + timestampUpperBound.getAsLong();
    }
    Hash hash = header.hash(settings.suite());
    Pending known = pending.get(hash);
    if (known != null) {
      return known;
    }
    features.requireKnown(header.number());
    String extraData = features.checkExtraData(header);
    if (extraData != null) {
      return extraData;
    }
    SystemParameters parameters = inForce.after(parent);
    if (header.gasLimit() != parameters.blockGasLimit()) {
      return "gasLimit: " + header.gasLimit() + " differs from the chain's blockGasLimit "
          + parameters.blockGasLimit() + " at height " + header.number();
    }
    if (header.gasUsed() > header.gasLimit()) {
      return "gasUsed: " + header.gasUsed() + " above the gas limit " + header.gasLimit();
    }
    if (block.transactions().size() > parameters.maxTransactionsPerBlock()) {
      return "transactions: " + block.transactions().size() + " above the chain's maxTransactionsPerBlock "
          + parameters.maxTransactionsPerBlock();
    }
    Object verified = verifySignatures(block.transactions());
    if (verified instanceof String reason) {
      return reason;
    }
    @SuppressWarnings("unchecked")
    List<VerifiedTransaction> transactions = (List<VerifiedTransaction>) verified;
    JournaledWorldState state = headState(parent);
    BlockContext context = context(header.proposer(), header.number(), header.timestamp(), header.gasLimit());
    List<Receipt> receipts = new ArrayList<>(transactions.size());
    long gasUsed = 0;
    for (int position = 0; position < transactions.size(); position++) {
      VerifiedTransaction transaction = transactions.get(position);
      Optional<String> reason = admissible(transaction.transaction(), parameters, header.gasLimit() - gasUsed);
      TransactionResult result = null;
      if (reason.isEmpty()) {
        result = processor.process(state, context, BlockExecution.executable(transaction));
        reason = result.rejection();
      }
      if (reason.isPresent()) {
        return BlockExecution.withPosition(position, transaction.hash(), reason).get();
      }
      receipts.add(result.receipt(transaction.transaction().type(), gasUsed));
      gasUsed += result.gasUsed();
    }
    if (gasUsed != header.gasUsed()) {
      return "gasUsed: header " + header.gasUsed() + " but execution used " + gasUsed;
    }
    CompletableFuture<BlockDigests> digestsTask = digestsInParallel(block.transactions(), receipts);
    WriteBatch batch = store.newBatch();
    Hash stateRoot = states.commit(state, header.number(), batch).root();
    BlockDigests digests = join(digestsTask);
    if (!digests.transactionsRoot().equals(header.transactionsRoot())) {
      batch.close();
      return "transactionsRoot: header " + header.transactionsRoot() + " but the transactions give "
          + digests.transactionsRoot();
    }
    Hash receiptsRoot = digests.receiptsRoot();
    if (!receiptsRoot.equals(header.receiptsRoot())) {
      batch.close();
      return "receiptsRoot: header " + header.receiptsRoot() + " but execution gives " + receiptsRoot;
    }
    if (!digests.logsBloom().equals(header.logsBloom())) {
      batch.close();
      return "logsBloom: the header's differs from the union of the receipts' blooms";
    }
    if (!stateRoot.equals(header.stateRoot())) {
      batch.close();
      return "stateRoot: header " + header.stateRoot() + " but execution gives " + stateRoot;
    }
    Pending executed = new Pending(block, hash, receipts, stateRoot, batch, digests);
    remember(executed);
    return executed;
  }

  /**
   * The block's digests, computed on the bounded executor while this thread writes the state
   * trie: both are pure, and on a validator the second core is otherwise idle between bursts of
   * signature checks.
   */
  private CompletableFuture<BlockDigests> digestsInParallel(List<Transaction> transactions, List<Receipt> receipts) {
    List<Transaction> fixedTransactions = List.copyOf(transactions);
    List<Receipt> fixedReceipts = List.copyOf(receipts);
    return CompletableFuture.supplyAsync(
        () -> BlockDigests.compute(settings.suite(), fixedTransactions, fixedReceipts), signatureExecutor);
  }

  private static BlockDigests join(CompletableFuture<BlockDigests> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("block digests failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Recovers every sender once, in parallel on the caller's bounded executor: the verified list,
   * or the first failure as a String.
   */
  private Object verifySignatures(List<Transaction> transactions) {
    List<CompletableFuture<List<Object>>> tasks = new ArrayList<>();
    for (int from = 0; from < transactions.size(); from += SIGNATURE_TASK_TRANSACTIONS) {
      int start = from;
      int end = Math.min(transactions.size(), from + SIGNATURE_TASK_TRANSACTIONS);
      tasks.add(CompletableFuture.supplyAsync(() -> verifyRange(transactions, start, end), signatureExecutor));
    }
    List<VerifiedTransaction> verified = new ArrayList<>(transactions.size());
    for (CompletableFuture<List<Object>> task : tasks) {
      List<Object> results;
      try {
        results = task.join();
      } catch (CompletionException e) {
        throw new IllegalStateException("signature recovery failed: " + e.getCause(), e.getCause());
      }
      for (Object result : results) {
        if (result instanceof String reason) {
          return reason;
        }
        verified.add((VerifiedTransaction) result);
      }
    }
    return verified;
  }

  private List<Object> verifyRange(List<Transaction> transactions, int start, int end) {
    List<Object> results = new ArrayList<>(end - start);
    for (int position = start; position < end; position++) {
      Transaction transaction = transactions.get(position);
      try {
        // Encoded and hashed once; a transaction the pool already checked keeps its recovered
        // sender (EXECUTION-12), the others are recovered here.
        byte[] encoded = codec.encode(transaction);
        Hash hash = settings.suite().hashOf(encoded);
        Optional<VerifiedTransaction> held = known.find(hash);
        results.add(held.isPresent() ? held.get()
            : new VerifiedTransaction(transaction, hash, codec.sender(transaction), encoded.length));
      } catch (CryptoException | IllegalArgumentException e) {
        results.add("transactions." + position + ": signature: " + e.getMessage());
      }
    }
    return results;
  }

  /**
   * Why {@code transaction} may not join the block, before execution: the stateless rules, the
   * chain's transaction gas limit (GOV-15), the block's remaining gas (EXECUTION-1, EXECUTION-3).
   */
  private Optional<String> admissible(Transaction transaction, SystemParameters parameters, long remainingGas) {
    TransactionValidity validity = rules.check(transaction);
    if (!validity.isValid()) {
      return Optional.of(validity.reason().name() + ": " + validity.detail());
    }
    String gasLimit = Long.toUnsignedString(transaction.gasLimit());
    if (Long.compareUnsigned(transaction.gasLimit(), parameters.transactionGasLimit()) > 0) {
      return Optional.of("gasLimit: " + gasLimit + " above the chain's transaction gas limit "
          + parameters.transactionGasLimit());
    }
    if (Long.compareUnsigned(transaction.gasLimit(), remainingGas) > 0) {
      return Optional.of("gasLimit: " + gasLimit + " above the block's remaining gas " + remainingGas);
    }
    return Optional.empty();
  }

  private BlockHeader head() {
    return blocks.head().orElseThrow(
        () -> new IllegalStateException("execution: the store holds no chain; initialise genesis first"));
  }

  private JournaledWorldState headState(BlockHeader parent) {
    Hash root = states.head().map(StateHead::root).orElse(states.emptyRoot());
    if (!root.equals(parent.stateRoot())) {
      throw new IllegalStateException("execution: the state head " + root
          + " is not the head block's state " + parent.stateRoot());
    }
    return states.headState();
  }

  private BlockContext context(Address coinbase, long number, long timestamp, long gasLimit) {
    return BlockExecution.context(settings, coinbase, number, timestamp, gasLimit,
        settings.baseFeePerGas(), n -> blocks.canonicalHash(n).orElse(Hash.ZERO));
  }

  private void remember(Pending executed) {
    Pending replaced = pending.put(executed.hash(), executed);
    if (replaced != null) {
      replaced.batch().close();
    }
    Iterator<Pending> oldest = pending.values().iterator();
    while (pending.size() > PENDING_BLOCKS_MAX) {
      oldest.next().batch().close();
      oldest.remove();
    }
  }
}
