package org.xinlian.evm.statetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.Log;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.trie.InMemoryNodeStore;
import org.xinlian.trie.SecureTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.rlp.Rlp;

/**
 * Ethereum's state root and logs hash of an {@link InMemoryWorldState}, built with the production
 * trie and RLP, so a state test checks those as well as the interpreter (EVM-2, EVM-3).
 */
public final class StateRoots {
  private StateRoots() {}

  /**
   * The Keccak-256 secure trie of {@code rlp([nonce, balance, storageRoot, codeHash])} keyed by
   * address, each storage root being the secure trie of {@code rlp(minimal value)} keyed by slot.
   */
  public static Hash stateRoot(InMemoryWorldState state) {
    SecureTrie accounts = SecureTrie.empty(new InMemoryNodeStore(), TrieHashFunction.keccak256());
    for (Address address : state.addresses()) {
      SecureTrie storage = SecureTrie.empty(new InMemoryNodeStore(), TrieHashFunction.keccak256());
      for (Map.Entry<UInt256, UInt256> slot : state.storageOf(address).entrySet()) {
        storage.put(slot.getKey().toBytes(), Rlp.encodeBytes(slot.getValue().toMinimalBytes()));
      }
      byte[] account = Rlp.encodeList(List.of(
          Rlp.encodeUnsignedLong(state.nonce(address)),
          Rlp.encodeBytes(state.balance(address).toMinimalBytes()),
          Rlp.encodeBytes(storage.rootHash().toArray()),
          Rlp.encodeBytes(state.codeHash(address).toArray())));
      accounts.put(address.toArray(), account);
    }
    return accounts.rootHash();
  }

  /** Keccak-256 of {@code rlp([[address, [topic...], data]...])}, as ethereum/tests define it. */
  public static Hash logsHash(List<Log> logs) {
    List<byte[]> encoded = new ArrayList<>(logs.size());
    for (Log log : logs) {
      List<byte[]> topics = new ArrayList<>(log.topics().size());
      for (UInt256 topic : log.topics()) {
        topics.add(Rlp.encodeBytes(topic.toBytes()));
      }
      encoded.add(Rlp.encodeList(List.of(
          Rlp.encodeBytes(log.address().toArray()), Rlp.encodeList(topics), Rlp.encodeBytes(log.data()))));
    }
    return Hash.wrap(Keccak256.hash(Rlp.encodeList(encoded)));
  }
}
