package org.xinlian.ledger.verify;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.Keccak256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.ReadView;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.rlp.RlpReader;

/**
 * Reads every node of a state root and of each storage trie it references, checks that each node
 * hashes to its key and decodes, and that every referenced code is stored under its Keccak-256.
 * It decodes nodes itself rather than through {@link MerklePatriciaTrie}, because it must go on
 * past a missing or corrupt node to report all of them, and the trie trusts what it loads.
 *
 * <p>Accounts are Ethereum's {@code rlp([nonce, balance, storageRoot, codeHash])}. Storage roots
 * and code hashes already checked are remembered, so tries shared by many accounts are read once;
 * that memory grows with the number of contracts, not with the state.
 */
final class StateWalk {
  private static final int BRANCH_ITEMS = 17;
  private static final int SHORT_NODE_ITEMS = 2;
  private static final int BALANCE_BYTES_MAX = 32;
  private static final int PROGRESS_INTERVAL_NODES = 10_000;
  private static final Hash EMPTY_CODE_HASH = Hash.wrap(Keccak256.hash(new byte[0]));

  private final ReadView view;
  private final TrieHashFunction hashFunction;
  private final Hash emptyRoot;
  private final long headNumber;
  private final Findings findings;
  private final VerificationProgress progress;
  private final Set<Hash> storageRootsSeen = new HashSet<>();
  private final Set<Hash> codeHashesSeen = new HashSet<>();
  private final Deque<Hash> storageRootsPending = new ArrayDeque<>();
  private long nodesChecked;
  private long codesChecked;

  StateWalk(ReadView view, TrieHashFunction hashFunction, long headNumber, Findings findings,
      VerificationProgress progress) {
    this.view = view;
    this.hashFunction = hashFunction;
    this.emptyRoot = MerklePatriciaTrie.emptyRoot(hashFunction);
    this.headNumber = headNumber;
    this.findings = findings;
    this.progress = progress;
  }

  long nodesChecked() {
    return nodesChecked;
  }

  long codesChecked() {
    return codesChecked;
  }

  void walk(Hash stateRoot) {
    walkTrie(stateRoot, true);
    while (!storageRootsPending.isEmpty()) {
      walkTrie(storageRootsPending.pop(), false);
    }
    progress.update(VerificationProgress.Phase.STATE, nodesChecked + codesChecked, -1);
  }

  private void walkTrie(Hash root, boolean accounts) {
    if (root.equals(emptyRoot)) {
      return;
    }
    Deque<Hash> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Hash hash = pending.pop();
      Optional<byte[]> stored = view.get(LedgerNamespaces.TRIE_NODES, hash.toArray());
      nodesChecked++;
      if (nodesChecked % PROGRESS_INTERVAL_NODES == 0) {
        progress.update(VerificationProgress.Phase.STATE, nodesChecked + codesChecked, -1);
      }
      if (stored.isEmpty()) {
        report(hash, (accounts ? "state" : "storage") + " trie node missing");
        continue;
      }
      byte[] encoded = stored.get();
      Hash actual = Hash.wrap(hashFunction.hash(encoded));
      if (!actual.equals(hash)) {
        report(hash, "trie node hashes to " + actual + ", not its key");
        continue;
      }
      try {
        visit(encoded, "trieNode", hash, accounts, pending);
      } catch (DecodingException e) {
        report(hash, "trie node does not decode: " + e.getMessage());
      }
    }
  }

  /** Queues the node's hash children and checks its values; embedded children are visited inline. */
  private void visit(byte[] encoded, String field, Hash node, boolean accounts, Deque<Hash> pending) {
    RlpReader reader = RlpReader.ofList(encoded, field);
    byte[][] items = new byte[BRANCH_ITEMS][];
    int count = 0;
    while (reader.hasNext()) {
      if (count == BRANCH_ITEMS) {
        throw new DecodingException(field, "a node has 2 or 17 items, not more");
      }
      items[count] = reader.readEncoded(field + "[" + count + "]");
      count++;
    }
    if (count == SHORT_NODE_ITEMS) {
      byte[] path = RlpReader.of(items[0], field + ".path").readBytes(field + ".path");
      int flag = path.length == 0 ? -1 : (path[0] & 0xff) >>> 4;
      if (flag < 0 || flag > 3) {
        throw new DecodingException(field + ".path", "invalid hex-prefix flag");
      }
      if (flag >= 2) {
        value(RlpReader.of(items[1], field + ".value").readBytes(field + ".value"), node, accounts);
      } else {
        child(items[1], field + ".child", node, accounts, pending);
      }
    } else if (count == BRANCH_ITEMS) {
      for (int index = 0; index < BRANCH_ITEMS - 1; index++) {
        child(items[index], field + "[" + index + "]", node, accounts, pending);
      }
      byte[] value = RlpReader.of(items[BRANCH_ITEMS - 1], field + ".value")
          .readBytes(field + ".value");
      if (value.length > 0) {
        value(value, node, accounts);
      }
    } else {
      throw new DecodingException(field, "a node has 2 or 17 items, not " + count);
    }
  }

  private void child(byte[] item, String field, Hash node, boolean accounts, Deque<Hash> pending) {
    RlpReader reader = RlpReader.of(item, field);
    if (reader.nextIsList(field)) {
      visit(item, field, node, accounts, pending);
      return;
    }
    byte[] reference = reader.readBytes(field);
    if (reference.length == Hash.LENGTH) {
      pending.push(Hash.wrap(reference));
    } else if (reference.length != 0) {
      throw new DecodingException(field, "a child reference is empty or 32 bytes, not "
          + reference.length);
    }
  }

  private void value(byte[] value, Hash node, boolean accounts) {
    if (!accounts) {
      return;
    }
    Hash storageRoot;
    Hash codeHash;
    try {
      RlpReader account = RlpReader.ofList(value, "account");
      account.readUnsignedLong("account.nonce");
      account.readBigInteger("account.balance", BALANCE_BYTES_MAX);
      storageRoot = account.readHash("account.storageRoot");
      codeHash = account.readHash("account.codeHash");
      account.requireEnd("account");
    } catch (DecodingException e) {
      report(node, "account in the node does not decode: " + e.getMessage());
      return;
    }
    if (storageRootsSeen.add(storageRoot)) {
      storageRootsPending.push(storageRoot);
    }
    if (!codeHash.equals(EMPTY_CODE_HASH) && codeHashesSeen.add(codeHash)) {
      checkCode(codeHash, node);
    }
  }

  private void checkCode(Hash codeHash, Hash node) {
    codesChecked++;
    Optional<byte[]> code = view.get(LedgerNamespaces.CODE, codeHash.toArray());
    if (code.isEmpty()) {
      findings.add(headNumber, LedgerNamespaces.CODE, codeHash.toArray(),
          "code missing (referenced by an account in trie node " + node + ")");
      return;
    }
    byte[] actual = Keccak256.hash(code.get());
    if (!Arrays.equals(actual, codeHash.toArray())) {
      findings.add(headNumber, LedgerNamespaces.CODE, codeHash.toArray(),
          "code hashes to " + Hash.wrap(actual) + ", not its key");
    }
  }

  private void report(Hash node, String problem) {
    findings.add(headNumber, LedgerNamespaces.TRIE_NODES, node.toArray(), problem);
  }
}
