package org.xinlian.ledger.snapshot;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Keccak256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.ReadView;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.BlockHeader;

/**
 * Writes the state at one block as a snapshot file (docs/spec/snapshot.md), so a new node can
 * start from it instead of replaying every block. The state is read by walking the tries in key
 * order, one key at a time; walking retains no nodes, so memory stays flat however large the
 * state is. Read from a {@link org.xinlian.storage.StoreSnapshot} so blocks committed meanwhile
 * do not mix into the file.
 */
public final class SnapshotExporter {
  /** Progress is also reported inside a large storage trie, every this many slots. */
  static final int SLOTS_PER_PROGRESS = 4096;

  private SnapshotExporter() {}

  /**
   * Exports the state at {@code header.stateRoot()}.
   *
   * @param view the store to read; its trie nodes and code must hold the whole state
   * @param suite the chain's suite, which decides the trie hash (StateHashing)
   * @param header the block whose state is exported; it becomes the importer's head
   * @param genesisHash the chain's genesis hash, so an importer can refuse another chain
   * @param chainId the chain id, recorded for the same reason
   * @throws SnapshotRefusedException when the store lacks part of the state (pruned, or corrupt)
   */
  public static SnapshotResult export(
      ReadView view,
      CryptoSuite suite,
      BlockHeader header,
      Hash genesisHash,
      long chainId,
      OutputStream out,
      ProgressListener progress) {
    SnapshotRecordWriter writer = new SnapshotRecordWriter(out);
    SnapshotInfo info = new SnapshotInfo(suite.name(), chainId, genesisHash, header);
    writer.write(SnapshotFormat.RECORD_HEADER, info.encode(suite), new byte[0]);
    Counts counts = new Counts();
    writeCodes(view, writer, counts, progress);
    TrieHashFunction hashFunction = StateHashing.trieHash(suite);
    KeyValueNodeStore nodes = new KeyValueNodeStore(view, null);
    try {
      MerklePatriciaTrie accounts = MerklePatriciaTrie.load(header.stateRoot(), nodes, hashFunction);
      Optional<byte[]> key = accounts.firstKey();
      while (key.isPresent()) {
        byte[] hashedAddress = key.get();
        byte[] account = accounts.get(hashedAddress).orElseThrow();
        writeAccount(view, writer, hashedAddress, account, nodes, hashFunction, counts, progress);
        key = accounts.nextKey(hashedAddress);
      }
    } catch (MissingNodeException e) {
      throw new SnapshotRefusedException(
          "the store lacks part of the state at block " + header.number() + " (root "
              + header.stateRoot() + "): trie node " + e.hash() + " is missing; the state of that "
              + "height may have been pruned",
          e);
    }
    writer.write(
        SnapshotFormat.RECORD_END,
        SnapshotLayout.encodeLong(counts.accounts),
        concat(SnapshotLayout.encodeLong(counts.slots), SnapshotLayout.encodeLong(counts.codes)));
    long bytes = writer.finish();
    progress.onProgress(new SnapshotProgress(100, counts.accounts, counts.slots, counts.codes, bytes));
    return new SnapshotResult(
        header.number(), header.hash(suite), header.stateRoot(),
        counts.accounts, counts.slots, counts.codes, bytes);
  }

  /**
   * Every code of the store, in code-hash order (SNAPSHOT-4). Codes come first so the importer
   * can check each account's code hash as the account arrives, holding no set of pending hashes.
   */
  private static void writeCodes(
      ReadView view, SnapshotRecordWriter writer, Counts counts, ProgressListener progress) {
    try (KeyValueIterator codes = view.iterate(LedgerNamespaces.CODE, KeyRange.ALL)) {
      while (codes.hasNext()) {
        KeyValue entry = codes.next();
        byte[] codeHash = entry.key();
        byte[] code = entry.value();
        if (code.length == 0) {
          continue;
        }
        if (codeHash.length != Hash.LENGTH
            || !Arrays.equals(Keccak256.hash(code), codeHash)
            || code.length > SnapshotFormat.CODE_BYTES_MAX) {
          throw new SnapshotRefusedException(
              "the store's code entry under key " + Hex.encode(codeHash)
                  + " (" + code.length + " bytes) is not code of at most "
                  + SnapshotFormat.CODE_BYTES_MAX + " bytes under its Keccak-256 hash");
        }
        writer.write(SnapshotFormat.RECORD_CODE, codeHash, code);
        counts.codes++;
      }
    }
    progress.onProgress(new SnapshotProgress(0, 0, 0, counts.codes, writer.bytes()));
  }

  private static void writeAccount(
      ReadView view,
      SnapshotRecordWriter writer,
      byte[] hashedAddress,
      byte[] account,
      KeyValueNodeStore nodes,
      TrieHashFunction hashFunction,
      Counts counts,
      ProgressListener progress) {
    String name = "account " + Hex.encode(hashedAddress);
    AccountFields fields;
    try {
      if (hashedAddress.length != Hash.LENGTH) {
        throw new DecodingException(name, "state trie key is not a 32-byte hash");
      }
      fields = AccountFields.decode(account, name);
    } catch (DecodingException e) {
      throw new SnapshotRefusedException("the store's state is corrupt: " + e.getMessage(), e);
    }
    if (!fields.codeHash().equals(SnapshotFormat.EMPTY_CODE_HASH)
        && view.get(LedgerNamespaces.CODE, fields.codeHash().toArray()).isEmpty()) {
      throw new SnapshotRefusedException(
          "the store lacks the code " + fields.codeHash() + " of " + name);
    }
    writer.write(SnapshotFormat.RECORD_ACCOUNT, hashedAddress, account);
    counts.accounts++;
    int percent = SnapshotProgress.percentOf(hashedAddress);
    MerklePatriciaTrie storage = MerklePatriciaTrie.load(fields.storageRoot(), nodes, hashFunction);
    Optional<byte[]> slot = storage.firstKey();
    while (slot.isPresent()) {
      byte[] hashedSlot = slot.get();
      byte[] value = storage.get(hashedSlot).orElseThrow();
      try {
        if (hashedSlot.length != Hash.LENGTH) {
          throw new DecodingException(name + " slot", "storage trie key is not a 32-byte hash");
        }
        AccountFields.checkSlotValue(value, name + " slot " + Hex.encode(hashedSlot));
      } catch (DecodingException e) {
        throw new SnapshotRefusedException("the store's state is corrupt: " + e.getMessage(), e);
      }
      writer.write(SnapshotFormat.RECORD_SLOT, hashedSlot, value);
      counts.slots++;
      if (counts.slots % SLOTS_PER_PROGRESS == 0) {
        progress.onProgress(counts.progress(percent, writer.bytes()));
      }
      slot = storage.nextKey(hashedSlot);
    }
    progress.onProgress(counts.progress(percent, writer.bytes()));
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  private static final class Counts {
    long accounts;
    long slots;
    long codes;

    SnapshotProgress progress(int percent, long bytes) {
      return new SnapshotProgress(percent, accounts, slots, codes, bytes);
    }
  }
}
