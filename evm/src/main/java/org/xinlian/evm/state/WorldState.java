package org.xinlian.evm.state;

import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;

/**
 * Everything the EVM may read or change, so the persistent world state (trie and storage) plugs in
 * without touching the interpreter. Every mutation, including warm marks, refunds, transient
 * storage and the created/destructed sets, is journaled: {@link #revertTo} undoes all of them
 * back to a {@link #checkpoint}, which is how a reverted frame leaves no trace.
 *
 * <p>Reads of missing accounts return zero values; writes create the account.
 */
public interface WorldState {
  boolean exists(Address address);

  /** EIP-161 emptiness: no code, zero nonce and zero balance (true for missing accounts too). */
  boolean isEmpty(Address address);

  UInt256 balance(Address address);

  void setBalance(Address address, UInt256 balance);

  long nonce(Address address);

  void setNonce(Address address, long nonce);

  byte[] code(Address address);

  /** Keccak-256 of the code, or {@link Hash#ZERO} for a missing account (EXTCODEHASH, EIP-1052). */
  Hash codeHash(Address address);

  void setCode(Address address, byte[] code);

  UInt256 storage(Address address, UInt256 key);

  /** The value at the start of the current transaction (EIP-2200 net gas metering). */
  UInt256 originalStorage(Address address, UInt256 key);

  void setStorage(Address address, UInt256 key, UInt256 value);

  /** Whether any slot is non-zero; EIP-7610 treats such an address as taken for creation. */
  boolean hasStorage(Address address);

  UInt256 transientStorage(Address address, UInt256 key);

  void setTransientStorage(Address address, UInt256 key, UInt256 value);

  /**
   * Makes a fresh account for a contract creation: keeps any balance already sent to the address,
   * drops everything else, and records it as created in this transaction (EIP-6780).
   */
  void createAccount(Address address);

  boolean createdInTransaction(Address address);

  /** Marks the account as touched so EIP-161 removes it at the end of the transaction if empty. */
  void touch(Address address);

  /** Schedules deletion at the end of the transaction (SELFDESTRUCT of a new contract). */
  void markForDeletion(Address address);

  Set<Address> markedForDeletion();

  /** Marks the address warm; returns whether it already was (EIP-2929). */
  boolean warmAddress(Address address);

  boolean isWarm(Address address);

  /** Marks the slot warm; returns whether it already was (EIP-2929). */
  boolean warmSlot(Address address, UInt256 key);

  void addRefund(long gas);

  void subtractRefund(long gas);

  long refund();

  /** A position in the journal to come back to. */
  int checkpoint();

  /** Undoes every change made after the checkpoint. */
  void revertTo(int checkpoint);

  /**
   * Accepts the changes made since the checkpoint (the frame succeeded). They stay revertible by an
   * enclosing checkpoint; an implementation may use this to fold journal entries.
   */
  void commit(int checkpoint);

  /**
   * Ends the transaction: deletes accounts marked for deletion and touched empty accounts, makes
   * current storage the new original storage, and clears transient storage, warm sets, refunds
   * and the journal.
   */
  void finishTransaction();
}
