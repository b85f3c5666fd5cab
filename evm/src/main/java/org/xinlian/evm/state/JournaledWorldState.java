package org.xinlian.evm.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.word.UInt256;

/**
 * The one implementation of the EVM's state rules (journal, checkpoints, EIP-2929 warm sets,
 * EIP-1153 transient storage, refunds, EIP-161 and EIP-6780 deletions, EIP-2200 original values)
 * as an overlay over a read-only {@link AccountSource}. Reads fall through to the source until an
 * account is written; every write stays in the overlay, so the in-memory state (an empty source)
 * and the persistent state (a trie or the flat head view) behave identically by construction.
 * {@link #pendingChanges} hands the accumulated block changes to a persistent commit.
 *
 * <p>The journal is a list of undo actions; a checkpoint is its length. Not thread-safe.
 */
public class JournaledWorldState implements WorldState {
  static final byte[] EMPTY_CODE = new byte[0];
  /** Keccak-256 of empty code, the code hash of every account without code (on every suite). */
  public static final Hash EMPTY_CODE_HASH = Hash.wrap(Keccak256.hash(EMPTY_CODE));

  /**
   * A mutable account; the journal puts whole account objects back when one is replaced. Its
   * storage map holds overrides of the source (a zero value hides a source slot).
   */
  static final class Account {
    UInt256 balance = UInt256.ZERO;
    long nonce;
    /** Null until first read for an account loaded from the source. */
    byte[] code = EMPTY_CODE;
    Hash codeHash = EMPTY_CODE_HASH;
    /** Set by setCode: the code must be stored by the next commit. */
    boolean codeSet;
    /** The source's storage no longer applies (the account was made afresh). */
    boolean storageCleared = true;
    /** As storageCleared, at the start of the transaction. */
    boolean originalCleared = true;
    boolean sourceHasStorage;
    final Map<UInt256, UInt256> storage = new HashMap<>();
    final Map<UInt256, UInt256> originalStorage = new HashMap<>();
    /** Slots read from the source; the source never changes, so this needs no journal. */
    final Map<UInt256, UInt256> sourceCache = new HashMap<>();

    static Account loaded(StoredAccount stored) {
      Account account = new Account();
      account.nonce = stored.nonce();
      account.balance = stored.balance();
      account.codeHash = stored.codeHash();
      account.code = stored.codeHash().equals(EMPTY_CODE_HASH) ? EMPTY_CODE : null;
      account.storageCleared = false;
      account.originalCleared = false;
      account.sourceHasStorage = stored.hasStorage();
      return account;
    }

    boolean readsSource() {
      return !storageCleared && sourceHasStorage;
    }
  }

  private final AccountSource source;
  /** Accounts read or written; a null value means the account does not exist. */
  private final Map<Address, Account> accounts = new HashMap<>();
  /** Accounts written in this overlay (a superset is harmless: they are rewritten unchanged). */
  private final Set<Address> changed = new HashSet<>();
  private final Map<Address, Map<UInt256, UInt256>> transientStorage = new HashMap<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> touched = new HashSet<>();
  private final Set<Address> deletions = new LinkedHashSet<>();
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Map<Address, Set<UInt256>> warmSlots = new HashMap<>();
  /** Accounts whose storage may have changed this transaction (a superset is harmless). */
  private final Set<Address> storageWritten = new HashSet<>();
  private final List<Runnable> journal = new ArrayList<>();
  private long refund;

  public JournaledWorldState(AccountSource source) {
    Invariants.check(source != null, "world state: account source is null");
    this.source = source;
  }

  /** The committed state this overlay reads through to. */
  public AccountSource source() {
    return source;
  }

  Account account(Address address) {
    if (accounts.containsKey(address)) {
      return accounts.get(address);
    }
    Account loaded = source.account(address).map(Account::loaded).orElse(null);
    // Caching what the source says changes nothing visible, so it is not journaled.
    accounts.put(address, loaded);
    return loaded;
  }

  /** Every address the overlay knows to exist, for the in-memory state's listings. */
  Set<Address> overlayAddresses() {
    Set<Address> present = new TreeSet<>();
    accounts.forEach((address, account) -> {
      if (account != null) {
        present.add(address);
      }
    });
    return present;
  }

  private Account accountForWrite(Address address) {
    Account account = account(address);
    changed.add(address);
    if (account == null) {
      Account fresh = new Account();
      accounts.put(address, fresh);
      journal.add(() -> accounts.put(address, null));
      return fresh;
    }
    return account;
  }

  @Override
  public boolean exists(Address address) {
    return account(address) != null;
  }

  @Override
  public boolean isEmpty(Address address) {
    Account account = account(address);
    return account == null
        || (account.nonce == 0 && account.balance.isZero() && account.codeHash.equals(EMPTY_CODE_HASH));
  }

  @Override
  public UInt256 balance(Address address) {
    Account account = account(address);
    return account == null ? UInt256.ZERO : account.balance;
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    Account account = accountForWrite(address);
    UInt256 previous = account.balance;
    account.balance = balance;
    journal.add(() -> account.balance = previous);
    touch(address);
  }

  @Override
  public long nonce(Address address) {
    Account account = account(address);
    return account == null ? 0 : account.nonce;
  }

  @Override
  public void setNonce(Address address, long nonce) {
    Account account = accountForWrite(address);
    long previous = account.nonce;
    account.nonce = nonce;
    journal.add(() -> account.nonce = previous);
  }

  @Override
  public byte[] code(Address address) {
    Account account = account(address);
    if (account == null) {
      return EMPTY_CODE;
    }
    if (account.code == null) {
      account.code = source.code(account.codeHash);
    }
    return account.code;
  }

  @Override
  public Hash codeHash(Address address) {
    Account account = account(address);
    return account == null ? Hash.ZERO : account.codeHash;
  }

  @Override
  public void setCode(Address address, byte[] code) {
    Account account = accountForWrite(address);
    byte[] previous = account.code;
    Hash previousHash = account.codeHash;
    boolean previousSet = account.codeSet;
    account.code = code.clone();
    account.codeHash = Hash.wrap(Keccak256.hash(code));
    account.codeSet = true;
    journal.add(
        () -> {
          account.code = previous;
          account.codeHash = previousHash;
          account.codeSet = previousSet;
        });
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    Account account = account(address);
    if (account == null) {
      return UInt256.ZERO;
    }
    UInt256 value = account.storage.get(key);
    if (value != null) {
      return value;
    }
    return account.readsSource() ? sourceStorage(address, account, key) : UInt256.ZERO;
  }

  @Override
  public UInt256 originalStorage(Address address, UInt256 key) {
    Account account = account(address);
    if (account == null) {
      return UInt256.ZERO;
    }
    UInt256 value = account.originalStorage.get(key);
    if (value != null) {
      return value;
    }
    return !account.originalCleared && account.sourceHasStorage
        ? sourceStorage(address, account, key)
        : UInt256.ZERO;
  }

  private UInt256 sourceStorage(Address address, Account account, UInt256 key) {
    return account.sourceCache.computeIfAbsent(key, k -> source.storage(address, k));
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    Account account = accountForWrite(address);
    storageWritten.add(address);
    // A zero needs to be kept only where it hides a source slot.
    UInt256 previous = value.isZero() && !account.readsSource()
        ? account.storage.remove(key)
        : account.storage.put(key, value);
    journal.add(
        () -> {
          if (previous == null) {
            account.storage.remove(key);
          } else {
            account.storage.put(key, previous);
          }
        });
  }

  @Override
  public boolean hasStorage(Address address) {
    Account account = account(address);
    if (account == null) {
      return false;
    }
    for (UInt256 value : account.storage.values()) {
      if (!value.isZero()) {
        return true;
      }
    }
    return account.readsSource() && source.hasStorageBesides(address, account.storage.keySet());
  }

  @Override
  public UInt256 transientStorage(Address address, UInt256 key) {
    Map<UInt256, UInt256> slots = transientStorage.get(address);
    return slots == null ? UInt256.ZERO : slots.getOrDefault(key, UInt256.ZERO);
  }

  @Override
  public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
    Map<UInt256, UInt256> slots = transientStorage.computeIfAbsent(address, a -> new HashMap<>());
    UInt256 previous = slots.put(key, value);
    journal.add(
        () -> {
          if (previous == null) {
            slots.remove(key);
          } else {
            slots.put(key, previous);
          }
        });
  }

  @Override
  public void createAccount(Address address) {
    Account previous = account(address);
    Account fresh = new Account();
    storageWritten.add(address);
    changed.add(address);
    if (previous != null) {
      fresh.balance = previous.balance;
    }
    accounts.put(address, fresh);
    journal.add(() -> accounts.put(address, previous));
    if (created.add(address)) {
      journal.add(() -> created.remove(address));
    }
  }

  @Override
  public boolean createdInTransaction(Address address) {
    return created.contains(address);
  }

  @Override
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.add(() -> touched.remove(address));
    }
  }

  @Override
  public void markForDeletion(Address address) {
    if (deletions.add(address)) {
      journal.add(() -> deletions.remove(address));
    }
  }

  @Override
  public Set<Address> markedForDeletion() {
    return Collections.unmodifiableSet(deletions);
  }

  @Override
  public boolean warmAddress(Address address) {
    if (warmAddresses.add(address)) {
      journal.add(() -> warmAddresses.remove(address));
      return false;
    }
    return true;
  }

  @Override
  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  @Override
  public boolean warmSlot(Address address, UInt256 key) {
    Set<UInt256> slots = warmSlots.computeIfAbsent(address, a -> new HashSet<>());
    if (slots.add(key)) {
      journal.add(() -> slots.remove(key));
      return false;
    }
    return true;
  }

  @Override
  public void addRefund(long gas) {
    refund += gas;
    journal.add(() -> refund -= gas);
  }

  @Override
  public void subtractRefund(long gas) {
    refund -= gas;
    journal.add(() -> refund += gas);
  }

  @Override
  public long refund() {
    return refund;
  }

  @Override
  public int checkpoint() {
    return journal.size();
  }

  @Override
  public void revertTo(int checkpoint) {
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      journal.remove(i).run();
    }
  }

  /** Keeps the undo entries: an enclosing frame may still revert them. */
  @Override
  public void commit(int checkpoint) {
    Invariants.check(checkpoint <= journal.size(), "commit of a checkpoint beyond the journal");
  }

  @Override
  public void finishTransaction() {
    for (Address address : deletions) {
      accounts.put(address, null);
      changed.add(address);
    }
    for (Address address : touched) {
      if (exists(address) && isEmpty(address)) {
        accounts.put(address, null);
        changed.add(address);
      }
    }
    for (Address address : storageWritten) {
      Account account = accounts.get(address);
      if (account != null) {
        account.originalStorage.clear();
        account.originalStorage.putAll(account.storage);
        account.originalCleared = account.storageCleared;
      }
    }
    storageWritten.clear();
    deletions.clear();
    touched.clear();
    created.clear();
    transientStorage.clear();
    warmAddresses.clear();
    warmSlots.clear();
    journal.clear();
    refund = 0;
  }

  /**
   * Accepts everything written so far as the starting state (genesis or a test's pre state):
   * current storage becomes the original storage, and nothing counts as touched, created or
   * destructed, so empty accounts written on purpose survive.
   */
  public void commitInitialState() {
    deletions.clear();
    touched.clear();
    finishTransaction();
  }

  /**
   * Every account written since this overlay was opened, in address order, relative to the
   * source: what a persistent commit must apply. Only between transactions (after
   * {@link #finishTransaction} or {@link #commitInitialState}), when nothing is left to revert.
   */
  public List<AccountUpdate> pendingChanges() {
    Invariants.check(journal.isEmpty(), "pending changes asked for in the middle of a transaction");
    List<AccountUpdate> updates = new ArrayList<>(changed.size());
    for (Address address : new TreeSet<>(changed)) {
      Account account = accounts.get(address);
      if (account == null) {
        updates.add(new AccountUpdate(
            address, true, 0, UInt256.ZERO, EMPTY_CODE_HASH, Optional.empty(), true, Map.of()));
      } else {
        updates.add(new AccountUpdate(
            address, false, account.nonce, account.balance, account.codeHash,
            account.codeSet ? Optional.of(account.code.clone()) : Optional.empty(),
            account.storageCleared, account.storage));
      }
    }
    return updates;
  }
}
