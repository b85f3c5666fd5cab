package org.xinlian.ledger.state;

import org.xinlian.crypto.CryptoSuite;
import org.xinlian.trie.TrieHashFunction;

/**
 * Which digest names state-trie nodes and hashes secure-trie keys (docs/adr/0004): the chain's
 * suite hash. A standard chain therefore has Ethereum's state roots and proofs, and a gm chain's
 * state is committed with SM3 like its blocks and transactions. Code hashes stay Keccak-256 on every
 * chain, because EXTCODEHASH is part of the EVM's semantics.
 */
public final class StateHashing {
  private StateHashing() {}

  public static TrieHashFunction trieHash(CryptoSuite suite) {
    if (suite.name().equals("standard")) {
      return TrieHashFunction.keccak256();
    }
    return suite::hash;
  }
}
