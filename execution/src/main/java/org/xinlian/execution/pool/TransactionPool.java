package org.xinlian.execution.pool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.execution.pool.AdmissionResult.Status;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * Pending transactions between RPC and block production (docs/spec/pool.md). Admission verifies
 * each signature once, outside the lock, then applies the stateful checks atomically; block
 * builders take {@link #candidates}; {@link #onBlockCommitted} moves the pool to the new head.
 * All methods are thread-safe. Memory is bounded by {@link PoolLimits}; no method reads the wall
 * clock (the queued lifetime uses the {@link Clock} given).
 */
public final class TransactionPool {
  /**
   * How many included transaction hashes are remembered to refuse re-submission as "already
   * known" even if a state view lagged: about 65 blocks of 1000 transactions, 2 MiB of hashes.
   */
  public static final int INCLUDED_HASHES_REMEMBERED_MAX = 65_536;

  private final PoolConfig config;
  private final Clock clock;
  private final StatelessAdmission stateless;
  private final List<PendingTransactionListener> listeners = new CopyOnWriteArrayList<>();

  private final Object lock = new Object();
  private PoolStateView state;
  private final Map<Hash, PooledTransaction> byHash = new HashMap<>();
  private final Map<Address, SenderQueue> senders = new HashMap<>();
  private final LinkedHashSet<Hash> included = new LinkedHashSet<>();
  private long bytes;
  private int pendingTotal;
  private long sequence;
  /** Why the node stopped admitting, once it did. */
  private volatile String stoppedReason;

  public TransactionPool(PoolConfig config, PoolStateView state, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stateless = new StatelessAdmission(config);
  }

  public PoolConfig config() {
    return config;
  }

  /**
   * Refuses every transaction from now on with {@link Refusal#NODE_STOPPED} and {@code reason}:
   * a node that can no longer commit must not take transactions it would silently lose.
   */
  public void stopAdmitting(String reason) {
    stoppedReason = Objects.requireNonNull(reason, "reason");
  }

  /** Admits the raw envelope of eth_sendRawTransaction, or says precisely why not. */
  public AdmissionResult add(byte[] rawTransaction) {
    String stopped = stoppedReason;
    if (stopped != null) {
      return AdmissionResult.refused(Refusal.NODE_STOPPED, Optional.empty(), stopped);
    }
    return admit(stateless.check(rawTransaction.clone()));
  }

  /** As {@link #add(byte[])} for a transaction already decoded. */
  public AdmissionResult add(Transaction transaction) {
    String stopped = stoppedReason;
    if (stopped != null) {
      return AdmissionResult.refused(Refusal.NODE_STOPPED, Optional.empty(), stopped);
    }
    return admit(stateless.check(transaction));
  }

  /**
   * Admits a burst: signatures are verified in parallel on {@code executor} (which the caller
   * bounds; a rejected task runs on the calling thread instead), then transactions are admitted in
   * input order, so one sender's consecutive nonces in a batch stay executable.
   *
   * @return one result per input, in input order
   */
  public List<AdmissionResult> addAll(List<byte[]> rawTransactions, Executor executor) {
    String stopped = stoppedReason;
    if (stopped != null) {
      List<AdmissionResult> refused = new ArrayList<>(rawTransactions.size());
      rawTransactions.forEach(raw -> refused.add(
          AdmissionResult.refused(Refusal.NODE_STOPPED, Optional.empty(), stopped)));
      return refused;
    }
    List<CompletableFuture<StatelessAdmission.Outcome>> checks =
        new ArrayList<>(rawTransactions.size());
    for (byte[] raw : rawTransactions) {
      byte[] copy = raw.clone();
      CompletableFuture<StatelessAdmission.Outcome> check;
      try {
        check = CompletableFuture.supplyAsync(() -> stateless.check(copy), executor);
      } catch (RejectedExecutionException e) {
        check = CompletableFuture.completedFuture(stateless.check(copy));
      }
      checks.add(check);
    }
    List<AdmissionResult> results = new ArrayList<>(checks.size());
    for (CompletableFuture<StatelessAdmission.Outcome> check : checks) {
      StatelessAdmission.Outcome outcome;
      try {
        outcome = check.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
      results.add(admit(outcome));
    }
    return results;
  }

  private AdmissionResult admit(StatelessAdmission.Outcome outcome) {
    if (outcome.refusal() != null) {
      return outcome.refusal();
    }
    List<VerifiedTransaction> newlyPending = new ArrayList<>();
    AdmissionResult result;
    synchronized (lock) {
      result = admitLocked(outcome.verified(), newlyPending);
      checkCounts();
    }
    notifyListeners(newlyPending);
    return result;
  }

  private AdmissionResult admitLocked(VerifiedTransaction verified, List<VerifiedTransaction> out) {
    Hash hash = verified.hash();
    Optional<Hash> known = Optional.of(hash);
    Transaction transaction = verified.transaction();
    if (byHash.containsKey(hash) || included.contains(hash)) {
      return AdmissionResult.refused(Refusal.ALREADY_KNOWN, known, "");
    }
    Optional<AdmissionResult> tooMuchGas = GasLimits.refusal(transaction, config, state, known);
    if (tooMuchGas.isPresent()) {
      return tooMuchGas.get();
    }
    // Asked on every admission, not only a sender's first: a role or a freeze changes with blocks.
    Optional<String> notAdmitted = state.refuseSender(verified.sender(), transaction.to().isEmpty());
    if (notAdmitted.isPresent()) {
      return AdmissionResult.refused(Refusal.NOT_ADMITTED, known, notAdmitted.get());
    }
    SenderQueue queue = senders.get(verified.sender());
    long accountNonce = queue != null ? queue.accountNonce : state.nonce(verified.sender());
    BigInteger balance = queue != null ? queue.balance : state.balance(verified.sender());
    if (Long.compareUnsigned(transaction.nonce(), accountNonce) < 0) {
      return AdmissionResult.refused(Refusal.NONCE_TOO_LOW, known,
          "next nonce " + Long.toUnsignedString(accountNonce) + ", tx nonce "
              + Long.toUnsignedString(transaction.nonce()));
    }
    BigInteger cost = Fees.cost(transaction, config.feeMode());
    if (cost.compareTo(balance) > 0) {
      return AdmissionResult.refused(Refusal.INSUFFICIENT_FUNDS, known,
          "balance " + balance + ", tx cost " + cost + ", overshot " + cost.subtract(balance));
    }
    PooledTransaction existing = queue == null ? null : queue.byNonce.get(transaction.nonce());
    if (existing != null && !Fees.bumpedEnough(existing.verified().transaction(), transaction)) {
      return AdmissionResult.refused(Refusal.REPLACEMENT_UNDERPRICED, known,
          "a replacement must raise maxFeePerGas and maxPriorityFeePerGas by "
              + Fees.REPLACEMENT_BUMP_PERCENT + "%");
    }
    if (existing == null && queue != null && queue.size() >= config.limits().perSenderMax()) {
      return AdmissionResult.refused(Refusal.ACCOUNT_LIMIT_EXCEEDED, known,
          queue.size() + " transactions held for " + verified.sender().toHexString());
    }
    PooledTransaction candidate =
        new PooledTransaction(verified, sequence, clock.currentTimeMillis(), cost);
    boolean candidateExecutable = existing != null
        ? queue.isExecutable(transaction.nonce())
        : transaction.nonce() == accountNonce + (queue == null ? 0 : queue.executableCount());
    List<PooledTransaction> victims = planEvictions(candidate, existing, candidateExecutable);
    if (victims == null) {
      return AdmissionResult.refused(Refusal.POOL_FULL, known,
          "the pool holds " + byHash.size() + " transactions, " + bytes
              + " bytes, none cheaper than this one");
    }
    sequence++;
    for (PooledTransaction victim : victims) {
      remove(victim);
    }
    if (existing != null) {
      remove(existing);
    }
    queue = senders.computeIfAbsent(
        verified.sender(), sender -> new SenderQueue(sender, accountNonce, balance));
    queue.byNonce.put(transaction.nonce(), candidate);
    byHash.put(hash, candidate);
    bytes += candidate.bytes();
    pendingTotal += queue.recountExecutable();
    if (!queue.isExecutable(transaction.nonce())) {
      return AdmissionResult.admitted(Status.QUEUED, hash, replacedHash(existing));
    }
    if (existing != null) {
      out.add(verified);
    } else {
      // Filling the gap at this nonce made everything after it in the run executable too.
      for (PooledTransaction p : queue.byNonce.tailMap(transaction.nonce(), true).values()) {
        if (!queue.isExecutable(p.nonce())) {
          break;
        }
        out.add(p.verified());
      }
    }
    return AdmissionResult.admitted(Status.PENDING, hash, replacedHash(existing));
  }

  private static Optional<Hash> replacedHash(PooledTransaction existing) {
    return existing == null ? Optional.empty() : Optional.of(existing.verified().hash());
  }

  /**
   * The transactions to evict so that {@code candidate} fits, from the ends of senders' nonce
   * sequences, so no eviction opens a gap in anyone's executable run: queued transactions (behind a
   * gap, not executable) first, then the cheapest. An executable candidate may evict any queued
   * transaction whatever it pays, or a pool full of transactions stuck behind gaps would refuse the
   * very transactions that fill them and never include anything again; otherwise the candidate must
   * pay more than each victim. Null when it cannot fit.
   */
  private List<PooledTransaction> planEvictions(
      PooledTransaction candidate, PooledTransaction existing, boolean candidateExecutable) {
    PoolLimits limits = config.limits();
    long count = byHash.size() + (existing == null ? 1 : 0);
    long size = bytes + candidate.bytes() - (existing == null ? 0 : existing.bytes());
    if (count <= limits.transactionsMax() && size <= limits.bytesMax()) {
      return List.of();
    }
    Comparator<PooledTransaction> cheapestFirst = Fees.cheapestFirst(state.baseFeePerGas());
    Comparator<PooledTransaction> queuedThenCheapest =
        Comparator.comparing((PooledTransaction p) -> isQueued(p) ? 0 : 1).thenComparing(cheapestFirst);
    PriorityQueue<PooledTransaction> tails = new PriorityQueue<>(queuedThenCheapest);
    for (SenderQueue queue : senders.values()) {
      tails.add(queue.byNonce.lastEntry().getValue());
    }
    List<PooledTransaction> victims = new ArrayList<>();
    while (count > limits.transactionsMax() || size > limits.bytesMax()) {
      PooledTransaction victim = tails.poll();
      if (victim == null
          || victim == existing
          || !(candidateExecutable && isQueued(victim) || cheapestFirst.compare(candidate, victim) > 0)) {
        return null;
      }
      victims.add(victim);
      count--;
      size -= victim.bytes();
      Map.Entry<Long, PooledTransaction> lower =
          senders.get(victim.verified().sender()).byNonce.lowerEntry(victim.nonce());
      if (lower != null) {
        tails.add(lower.getValue());
      }
    }
    return victims;
  }

  private boolean isQueued(PooledTransaction pooled) {
    return !senders.get(pooled.verified().sender()).isExecutable(pooled.nonce());
  }

  /** Removes one pooled transaction and keeps the counters right; does not notify. */
  private void remove(PooledTransaction pooled) {
    VerifiedTransaction verified = pooled.verified();
    SenderQueue queue = senders.get(verified.sender());
    Invariants.check(queue != null && queue.byNonce.get(pooled.nonce()) == pooled,
        "pool: %s is not where the pool filed it", verified.hash());
    queue.byNonce.remove(pooled.nonce());
    byHash.remove(verified.hash());
    bytes -= pooled.bytes();
    pendingTotal += queue.recountExecutable();
    if (queue.size() == 0) {
      senders.remove(verified.sender());
    }
  }

  /**
   * Executable transactions for a block, best paying first across senders and in nonce order
   * within each sender (the price-and-nonce heap): a sender whose next transaction does not fit
   * the remaining gas or bytes, or whose fee cap is below the base fee, contributes nothing more,
   * since its later nonces could not execute without it.
   */
  public List<VerifiedTransaction> candidates(long gasLimit, int countMax, long bytesMax) {
    synchronized (lock) {
      BigInteger baseFee = state.baseFeePerGas();
      PriorityQueue<Head> heads = new PriorityQueue<>();
      for (SenderQueue queue : senders.values()) {
        if (queue.executableCount() > 0) {
          Iterator<PooledTransaction> run = queue.executable().iterator();
          heads.add(new Head(run.next(), run, baseFee));
        }
      }
      List<VerifiedTransaction> chosen = new ArrayList<>();
      long gasLeft = gasLimit;
      long bytesLeft = bytesMax;
      while (chosen.size() < countMax && !heads.isEmpty()) {
        Head head = heads.poll();
        Transaction transaction = head.pooled.verified().transaction();
        if (head.effectivePriorityFee.signum() < 0 && config.feeMode() == FeeMode.PRICED
            || Long.compareUnsigned(transaction.gasLimit(), gasLeft) > 0
            || head.pooled.bytes() > bytesLeft) {
          continue;
        }
        chosen.add(head.pooled.verified());
        gasLeft -= transaction.gasLimit();
        bytesLeft -= head.pooled.bytes();
        if (head.rest.hasNext()) {
          heads.add(new Head(head.rest.next(), head.rest, baseFee));
        }
      }
      return chosen;
    }
  }

  /** A sender's next candidate; the heap's order is best paying first, then earliest. */
  private static final class Head implements Comparable<Head> {
    final PooledTransaction pooled;
    final Iterator<PooledTransaction> rest;
    final BigInteger effectivePriorityFee;

    Head(PooledTransaction pooled, Iterator<PooledTransaction> rest, BigInteger baseFee) {
      this.pooled = pooled;
      this.rest = rest;
      this.effectivePriorityFee =
          Fees.effectivePriorityFee(pooled.verified().transaction(), baseFee);
    }

    @Override
    public int compareTo(Head other) {
      int byFee = other.effectivePriorityFee.compareTo(effectivePriorityFee);
      return byFee != 0 ? byFee : Long.compare(pooled.sequence(), other.pooled.sequence());
    }
  }

  /**
   * Moves the pool to a new head: forgets the included transactions (and remembers their hashes,
   * so they are never admitted or offered again), drops nonces the chain has used, drops what
   * senders can no longer afford and what asks for more gas than the new head's limits allow,
   * expires queued transactions past their lifetime, and promotes what became executable.
   */
  public void onBlockCommitted(Collection<Hash> includedHashes, PoolStateView newState) {
    Objects.requireNonNull(newState, "newState");
    List<VerifiedTransaction> newlyPending = new ArrayList<>();
    synchronized (lock) {
      state = newState;
      for (Hash hash : includedHashes) {
        rememberIncluded(hash);
        PooledTransaction pooled = byHash.get(hash);
        if (pooled != null) {
          remove(pooled);
        }
      }
      long now = clock.currentTimeMillis();
      for (SenderQueue queue : new ArrayList<>(senders.values())) {
        refresh(queue, newState, now, newlyPending);
      }
      checkCounts();
    }
    notifyListeners(newlyPending);
  }

  private void refresh(
      SenderQueue queue, PoolStateView newState, long now, List<VerifiedTransaction> out) {
    Set<PooledTransaction> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(queue.executable());
    queue.accountNonce = newState.nonce(queue.sender);
    queue.balance = newState.balance(queue.sender);
    pendingTotal += queue.recountExecutable();
    List<PooledTransaction> dropped = new ArrayList<>();
    for (PooledTransaction pooled : queue.byNonce.values()) {
      boolean stale = Long.compareUnsigned(pooled.nonce(), queue.accountNonce) < 0;
      boolean unaffordable = pooled.cost().compareTo(queue.balance) > 0;
      boolean expired = !queue.isExecutable(pooled.nonce())
          && now - pooled.arrivalMillis() >= config.limits().queuedLifetimeMillis();
      // A vote lowered a gas limit (GOV-15): no block could take it any more.
      boolean tooMuchGas = GasLimits.refusal(pooled.verified().transaction(), config, newState,
          Optional.empty()).isPresent();
      if (stale || unaffordable || expired || tooMuchGas) {
        dropped.add(pooled);
      }
    }
    for (PooledTransaction pooled : dropped) {
      remove(pooled);
    }
    for (PooledTransaction pooled : queue.executable()) {
      if (!before.contains(pooled)) {
        out.add(pooled.verified());
      }
    }
  }

  private void rememberIncluded(Hash hash) {
    if (included.add(hash) && included.size() > INCLUDED_HASHES_REMEMBERED_MAX) {
      Iterator<Hash> oldest = included.iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /**
   * The base fee per gas of the next block, from the latest state view: what eth_gasPrice and
   * eth_feeHistory report, since block headers carry no base fee.
   */
  public BigInteger baseFeePerGas() {
    synchronized (lock) {
      return state.baseFeePerGas();
    }
  }

  /** Counts for txpool_status and metrics. */
  public PoolStatus status() {
    synchronized (lock) {
      return new PoolStatus(pendingTotal, byHash.size() - pendingTotal, bytes);
    }
  }

  public int pendingCount() {
    return status().pending();
  }

  public int queuedCount() {
    return status().queued();
  }

  /** A pooled transaction (pending or queued), for eth_getTransactionByHash. */
  public Optional<VerifiedTransaction> get(Hash hash) {
    synchronized (lock) {
      PooledTransaction pooled = byHash.get(hash);
      return pooled == null ? Optional.empty() : Optional.of(pooled.verified());
    }
  }

  public boolean contains(Hash hash) {
    synchronized (lock) {
      return byHash.containsKey(hash);
    }
  }

  /**
   * The nonce the sender's next transaction should carry, counting its executable pooled ones:
   * eth_getTransactionCount with the {@code pending} tag.
   */
  public long pendingNonce(Address sender) {
    synchronized (lock) {
      SenderQueue queue = senders.get(sender);
      return queue == null ? state.nonce(sender) : queue.accountNonce + queue.executableCount();
    }
  }

  public void addListener(PendingTransactionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(PendingTransactionListener listener) {
    listeners.remove(listener);
  }

  private void notifyListeners(List<VerifiedTransaction> newlyPending) {
    if (newlyPending.isEmpty()) {
      return;
    }
    for (PendingTransactionListener listener : listeners) {
      try {
        for (VerifiedTransaction transaction : newlyPending) {
          listener.onPending(transaction);
        }
      } catch (RuntimeException e) {
        // A subscriber's failure must not fail the admission that triggered it (see the listener
        // contract); dropping it ends its subscription.
        listeners.remove(listener);
      }
    }
  }

  private void checkCounts() {
    PoolLimits limits = config.limits();
    Invariants.check(pendingTotal >= 0 && pendingTotal <= byHash.size(),
        "pool: %d pending of %d held", pendingTotal, byHash.size());
    Invariants.check(byHash.size() <= limits.transactionsMax() && bytes <= limits.bytesMax(),
        "pool: %d transactions, %d bytes exceed the limits", byHash.size(), bytes);
  }
}
