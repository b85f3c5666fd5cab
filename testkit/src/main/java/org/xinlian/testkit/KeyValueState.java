package org.xinlian.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.rlp.RlpWriter;
import org.xinlian.types.transaction.Transaction;

/**
 * The simulated application's state: a sorted map from key to value. Its root is the suite hash
 * of its canonical encoding, so two nodes agree on the root exactly when they agree on every
 * entry. Values are immutable: applying a block returns a new state.
 */
public final class KeyValueState {
  private final TreeMap<Address, byte[]> entries;

  private KeyValueState(TreeMap<Address, byte[]> entries) {
    this.entries = entries;
  }

  public static KeyValueState empty() {
    return new KeyValueState(new TreeMap<>());
  }

  /** The state after storing each transaction's data under its recipient, in block order. */
  public KeyValueState apply(List<Transaction> transactions) {
    TreeMap<Address, byte[]> next = new TreeMap<>(entries);
    for (Transaction transaction : transactions) {
      transaction.to().ifPresent(key -> next.put(key, transaction.data()));
    }
    return new KeyValueState(next);
  }

  /** {@code hash(rlp([[key, value]...]))} in key order. */
  public Hash root(CryptoSuite suite) {
    RlpWriter writer = new RlpWriter(64 + entries.size() * 32);
    writer.startList();
    for (Map.Entry<Address, byte[]> entry : entries.entrySet()) {
      writer.startList().writeBytes(entry.getKey().toArray()).writeBytes(entry.getValue()).endList();
    }
    return suite.hashOf(writer.endList().toByteArray());
  }

  public int size() {
    return entries.size();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof KeyValueState state) || state.entries.size() != entries.size()) {
      return false;
    }
    for (Map.Entry<Address, byte[]> entry : entries.entrySet()) {
      if (!Arrays.equals(entry.getValue(), state.entries.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return entries.keySet().hashCode();
  }
}
