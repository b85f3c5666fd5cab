package org.xinlian.evm.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.word.UInt256;

/**
 * A {@link WorldState} held in maps, for tests and the state-test runner. The journal is a list of
 * undo actions; a checkpoint is its length.
 */
public final class InMemoryWorldState implements WorldState {
  private static final byte[] EMPTY_CODE = new byte[0];
  private static final Hash EMPTY_CODE_HASH = Hash.wrap(Keccak256.hash(EMPTY_CODE));

  /** A mutable account; the journal puts whole account objects back when one is replaced. */
  private static final class Account {
    UInt256 balance = UInt256.ZERO;
    long nonce;
    byte[] code = EMPTY_CODE;
    Hash codeHash = EMPTY_CODE_HASH;
    final Map<UInt256, UInt256> storage = new HashMap<>();
    final Map<UInt256, UInt256> originalStorage = new HashMap<>();
  }

  private final Map<Address, Account> accounts = new HashMap<>();
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

  private Account account(Address address) {
    return accounts.get(address);
  }

  private Account accountForWrite(Address address) {
    Account account = accounts.get(address);
    if (account == null) {
      account = new Account();
      accounts.put(address, account);
      journal.add(() -> accounts.remove(address));
    }
    return account;
  }

  @Override
  public boolean exists(Address address) {
    return accounts.containsKey(address);
  }

  @Override
  public boolean isEmpty(Address address) {
    Account account = account(address);
    return account == null
        || (account.nonce == 0 && account.balance.isZero() && account.code.length == 0);
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
    return account == null ? EMPTY_CODE : account.code;
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
    account.code = code.clone();
    account.codeHash = Hash.wrap(Keccak256.hash(code));
    journal.add(
        () -> {
          account.code = previous;
          account.codeHash = previousHash;
        });
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    Account account = account(address);
    return account == null ? UInt256.ZERO : account.storage.getOrDefault(key, UInt256.ZERO);
  }

  @Override
  public UInt256 originalStorage(Address address, UInt256 key) {
    Account account = account(address);
    return account == null
        ? UInt256.ZERO
        : account.originalStorage.getOrDefault(key, UInt256.ZERO);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    Account account = accountForWrite(address);
    storageWritten.add(address);
    UInt256 previous = value.isZero() ? account.storage.remove(key) : account.storage.put(key, value);
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
    return account != null && !account.storage.isEmpty();
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
    Account previous = accounts.get(address);
    Account fresh = new Account();
    storageWritten.add(address);
    if (previous != null) {
      fresh.balance = previous.balance;
    }
    accounts.put(address, fresh);
    journal.add(
        () -> {
          if (previous == null) {
            accounts.remove(address);
          } else {
            accounts.put(address, previous);
          }
        });
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
      accounts.remove(address);
    }
    for (Address address : touched) {
      if (exists(address) && isEmpty(address)) {
        accounts.remove(address);
      }
    }
    for (Address address : storageWritten) {
      Account account = accounts.get(address);
      if (account != null) {
        account.originalStorage.clear();
        account.originalStorage.putAll(account.storage);
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

  /** Every account's address, sorted, for state dumps and post-state checks. */
  public List<Address> addresses() {
    return new ArrayList<>(new TreeMap<Address, Account>(accounts).keySet());
  }

  /** The account's non-zero storage, sorted by key, for post-state checks. */
  public Map<UInt256, UInt256> storageOf(Address address) {
    Account account = account(address);
    return account == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(account.storage));
  }
}
