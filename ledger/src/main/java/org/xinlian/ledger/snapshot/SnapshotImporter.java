package org.xinlian.ledger.snapshot;

import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.ledger.state.StateHead;
import org.xinlian.ledger.chain.ChainEncoding;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Keccak256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.ledger.snapshot.SnapshotRecordReader.Record;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.BlockCodec;

/**
 * Loads a snapshot file into an empty store, checking everything before the store gets a head
 * (docs/spec/snapshot.md SNAPSHOT-6 to SNAPSHOT-9): record framing and checksums, key order, each
 * storage trie against its account's storage root, each code against its hash, and the rebuilt
 * state trie against the snapshot block's state root. Data is written in bounded batches as it
 * streams in; the header, canonical entry and head pointer go in one last batch only after every
 * check passed, so a failed import leaves a store without a head, which no node starts on.
 */
public final class SnapshotImporter {
  /** Progress is also reported inside a large storage trie, every this many slots. */
  static final int SLOTS_PER_PROGRESS = SnapshotExporter.SLOTS_PER_PROGRESS;

  /** The namespaces an import writes data to; any content there means the store is in use. */
  private static final List<Namespace> DATA_NAMESPACES = List.of(
      LedgerNamespaces.TRIE_NODES, LedgerNamespaces.CODE, LedgerNamespaces.FLAT_ACCOUNTS,
      LedgerNamespaces.FLAT_STORAGE, SnapshotLayout.HEADERS, SnapshotLayout.CANONICAL);

  private SnapshotImporter() {}

  /**
   * Reads only the magic, version and header record: which chain, suite and block a file holds,
   * so a tool can choose the suite to import with.
   */
  public static SnapshotInfo readInfo(InputStream in) {
    SnapshotRecordReader reader = new SnapshotRecordReader(in);
    return readHeaderRecord(reader);
  }

  /**
   * Imports a snapshot into {@code store}, which must hold no chain and no state.
   *
   * @param suite the suite of this node's chain; a snapshot of another suite is refused
   * @param expectedGenesisHash this node's genesis hash; null accepts the snapshot's (the store's
   *     recorded genesis, if any, is checked either way)
   * @throws SnapshotFormatException when the file is malformed, truncated or corrupt
   * @throws SnapshotRefusedException when the store is not empty, the snapshot is of another
   *     chain, or its content does not hash to its roots
   */
  public static SnapshotResult importInto(
      KeyValueStore store,
      CryptoSuite suite,
      Hash expectedGenesisHash,
      InputStream in,
      ProgressListener progress) {
    return importInto(store, suite, expectedGenesisHash, in, progress, ImportWriter.FlushPolicy.DEFAULT);
  }

  static SnapshotResult importInto(
      KeyValueStore store,
      CryptoSuite suite,
      Hash expectedGenesisHash,
      InputStream in,
      ProgressListener progress,
      ImportWriter.FlushPolicy policy) {
    refuseNonEmpty(store, suite);
    SnapshotRecordReader reader = new SnapshotRecordReader(in);
    SnapshotInfo info = readHeaderRecord(reader);
    refuseOtherChain(store, suite, expectedGenesisHash, info);
    TrieHashFunction hashFunction = StateHashing.trieHash(suite);
    try (ImportWriter writer = new ImportWriter(store, policy)) {
      Loader loader = new Loader(store, writer, hashFunction, progress, reader);
      loader.load();
      reader.finish();
      Hash computed = loader.accounts.finish();
      if (!computed.equals(info.stateRoot())) {
        throw new SnapshotRefusedException(
            "state root mismatch: block " + info.height() + " has state root " + info.stateRoot()
                + " but the snapshot's " + loader.counts.accounts + " accounts give " + computed);
      }
      writer.flush();
      Hash blockHash = info.header().hash(suite);
      writeHead(store, suite, info, blockHash);
      long bytes = reader.offset();
      progress.onProgress(loader.counts.progress(100, bytes));
      return new SnapshotResult(
          info.height(), blockHash, info.stateRoot(),
          loader.counts.accounts, loader.counts.slots, loader.counts.codes, bytes);
    }
  }

  private static SnapshotInfo readHeaderRecord(SnapshotRecordReader reader) {
    Record record = reader.next();
    if (record.type() != SnapshotFormat.RECORD_HEADER) {
      throw new SnapshotFormatException(
          record.offset(), "header", "expected the header record first, found a " + record.name());
    }
    SnapshotInfo info;
    try {
      info = SnapshotInfo.decode(record.body());
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(record.offset(), "header", e.getMessage(), e);
    }
    if (info.height() == 0 && !info.blockHash().equals(info.genesisHash())) {
      throw new SnapshotFormatException(
          record.offset(), "header",
          "block 0 has hash " + info.blockHash() + " but the genesis hash is " + info.genesisHash());
    }
    return info;
  }

  private static void refuseNonEmpty(KeyValueStore store, CryptoSuite suite) {
    Optional<Hash> head = SnapshotLayout.head(store);
    if (head.isPresent()) {
      String height =
          store.get(SnapshotLayout.HEADERS, head.get().toArray())
              .map(encoded -> "at height " + BlockCodec.of(suite).decodeHeader(encoded).number())
              .orElse("with head " + head.get());
      throw new SnapshotRefusedException(
          "the store already holds a chain " + height + "; import needs an empty node");
    }
    for (Namespace namespace : DATA_NAMESPACES) {
      try (KeyValueIterator entries = store.iterate(namespace, KeyRange.ALL)) {
        if (entries.hasNext()) {
          throw new SnapshotRefusedException(
              "the store is not empty (namespace " + namespace + " holds data, perhaps from an "
                  + "earlier failed import); import needs an empty node");
        }
      }
    }
  }

  private static void refuseOtherChain(
      KeyValueStore store, CryptoSuite suite, Hash expectedGenesisHash, SnapshotInfo info) {
    if (!info.suiteName().equals(suite.name())) {
      throw new SnapshotRefusedException(
          "snapshot is for a " + info.suiteName() + " chain, this node uses the " + suite.name()
              + " suite");
    }
    Optional<Hash> recorded =
        store.get(SnapshotLayout.META, SnapshotLayout.META_GENESIS)
            .map(value -> SnapshotLayout.hash("meta.genesis", value));
    for (Hash expected : Arrays.asList(expectedGenesisHash, recorded.orElse(null))) {
      if (expected != null && !expected.equals(info.genesisHash())) {
        throw new SnapshotRefusedException(
            "snapshot is for chain id " + info.chainId() + " genesis " + info.genesisHash()
                + ", this node is " + expected);
      }
    }
  }

  /** The last batch (SNAPSHOT-9): after it the store has a head and a node can start on it. */
  private static void writeHead(
      KeyValueStore store, CryptoSuite suite, SnapshotInfo info, Hash blockHash) {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(
          SnapshotLayout.HEADERS, blockHash.toArray(), BlockCodec.of(suite).encodeHeader(info.header()));
      batch.put(SnapshotLayout.CANONICAL, SnapshotLayout.heightKey(info.height()), blockHash.toArray());
      batch.put(SnapshotLayout.META, ChainEncoding.META_SCHEMA_VERSION,
          ChainEncoding.encodeSchemaVersion(LedgerNamespaces.SCHEMA_VERSION));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_SUITE,
          info.suiteName().getBytes(StandardCharsets.UTF_8));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_CHAIN_ID,
          SnapshotLayout.encodeLong(info.chainId()));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_GENESIS, info.genesisHash().toArray());
      batch.put(SnapshotLayout.META, SnapshotLayout.META_HISTORY_START,
          SnapshotLayout.encodeLong(info.height()));
      StateDatabase.putHead(batch, new StateHead(info.height(), info.stateRoot()));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_HEAD, blockHash.toArray());
      store.write(batch);
    }
  }

  /** The record loop: order rules, per-record checks and writes (SNAPSHOT-4 to SNAPSHOT-8). */
  private static final class Loader {
    private final KeyValueStore store;
    private final ImportWriter writer;
    private final TrieHashFunction hashFunction;
    private final ProgressListener progress;
    private final SnapshotRecordReader reader;
    private final Hash emptyRoot;
    final Counts counts = new Counts();
    final ImportWriter.Builder accounts;

    private boolean inAccounts;
    private byte[] lastCodeHash;
    private byte[] lastAccount;
    private Record accountRecord;
    private AccountFields accountFields;
    private ImportWriter.Builder storage;
    private byte[] lastSlot;
    private long accountSlots;
    private int percent;

    Loader(
        KeyValueStore store,
        ImportWriter writer,
        TrieHashFunction hashFunction,
        ProgressListener progress,
        SnapshotRecordReader reader) {
      this.store = store;
      this.writer = writer;
      this.hashFunction = hashFunction;
      this.progress = progress;
      this.reader = reader;
      this.emptyRoot = MerklePatriciaTrie.emptyRoot(hashFunction);
      this.accounts = writer.newTrie(hashFunction);
    }

    void load() {
      while (true) {
        Record record = reader.next();
        try {
          switch (record.type()) {
            case SnapshotFormat.RECORD_CODE -> code(record);
            case SnapshotFormat.RECORD_ACCOUNT -> account(record);
            case SnapshotFormat.RECORD_SLOT -> slot(record);
            case SnapshotFormat.RECORD_END -> {
              end(record);
              return;
            }
            default -> throw new SnapshotFormatException(
                record.offset(), "record", "unexpected " + record.name());
          }
        } catch (SnapshotFormatException e) {
          throw e;
        } catch (DecodingException e) {
          throw new SnapshotFormatException(record.offset(), "record", e.getMessage(), e);
        }
        writer.flushIfFull();
      }
    }

    private void code(Record record) {
      if (inAccounts) {
        throw format(record, "code records must all come before the first account");
      }
      byte[] body = record.body();
      if (body.length <= Hash.LENGTH || body.length > Hash.LENGTH + SnapshotFormat.CODE_BYTES_MAX) {
        throw format(record, "a code record holds a hash and 1 to " + SnapshotFormat.CODE_BYTES_MAX
            + " bytes of code, this one has " + body.length + " bytes");
      }
      byte[] codeHash = Arrays.copyOf(body, Hash.LENGTH);
      requireAscending(record, lastCodeHash, codeHash, "code hash");
      lastCodeHash = codeHash;
      byte[] code = Arrays.copyOfRange(body, Hash.LENGTH, body.length);
      if (!Arrays.equals(Keccak256.hash(code), codeHash)) {
        throw new SnapshotRefusedException(
            "code mismatch: the code under hash " + Hex.encode(codeHash) + " hashes to "
                + Hex.encode(Keccak256.hash(code)) + " (record at byte offset " + record.offset() + ")");
      }
      writer.put(LedgerNamespaces.CODE, codeHash, code);
      counts.codes++;
    }

    private void account(Record record) {
      if (!inAccounts) {
        // Codes must be readable from the store when accounts check their code hashes.
        writer.flush();
        inAccounts = true;
      }
      finishAccount();
      byte[] body = record.body();
      if (body.length <= Hash.LENGTH) {
        throw format(record, "an account record holds a hashed address and an account encoding");
      }
      byte[] hashedAddress = Arrays.copyOf(body, Hash.LENGTH);
      requireAscending(record, lastAccount, hashedAddress, "hashed address");
      byte[] encoded = Arrays.copyOfRange(body, Hash.LENGTH, body.length);
      String name = "account " + Hex.encode(hashedAddress);
      AccountFields fields = AccountFields.decode(encoded, name);
      if (!fields.codeHash().equals(SnapshotFormat.EMPTY_CODE_HASH)
          && store.get(LedgerNamespaces.CODE, fields.codeHash().toArray()).isEmpty()) {
        throw new SnapshotRefusedException(
            name + " has code hash " + fields.codeHash() + " but the snapshot holds no such code");
      }
      writer.put(LedgerNamespaces.FLAT_ACCOUNTS, hashedAddress, encoded);
      accounts.put(hashedAddress, encoded);
      lastAccount = hashedAddress;
      accountRecord = record;
      accountFields = fields;
      lastSlot = null;
      accountSlots = 0;
      counts.accounts++;
      percent = SnapshotProgress.percentOf(hashedAddress);
      progress.onProgress(counts.progress(percent, reader.offset()));
    }

    private void slot(Record record) {
      if (accountFields == null) {
        throw format(record, "a slot record must follow an account record");
      }
      byte[] body = record.body();
      if (body.length <= Hash.LENGTH) {
        throw format(record, "a slot record holds a hashed slot and a value encoding");
      }
      byte[] hashedSlot = Arrays.copyOf(body, Hash.LENGTH);
      requireAscending(record, lastSlot, hashedSlot, "hashed slot");
      byte[] value = Arrays.copyOfRange(body, Hash.LENGTH, body.length);
      AccountFields.checkSlotValue(value, "slot " + Hex.encode(hashedSlot));
      if (storage == null) {
        storage = writer.newTrie(hashFunction);
      }
      storage.put(hashedSlot, value);
      writer.put(LedgerNamespaces.FLAT_STORAGE,
          SnapshotLayout.flatStorageKey(lastAccount, hashedSlot), value);
      lastSlot = hashedSlot;
      accountSlots++;
      counts.slots++;
      if (counts.slots % SLOTS_PER_PROGRESS == 0) {
        progress.onProgress(counts.progress(percent, reader.offset()));
      }
    }

    private void end(Record record) {
      finishAccount();
      byte[] body = record.body();
      if (body.length != 3 * Long.BYTES) {
        throw format(record, "the end record holds three 8-byte counts, this one has "
            + body.length + " bytes");
      }
      ByteBuffer fields = ByteBuffer.wrap(body);
      long accountsCount = fields.getLong();
      long slotsCount = fields.getLong();
      long codesCount = fields.getLong();
      if (accountsCount != counts.accounts || slotsCount != counts.slots || codesCount != counts.codes) {
        throw format(record, "the end record counts " + accountsCount + " accounts, " + slotsCount
            + " slots and " + codesCount + " codes but the file holds " + counts.accounts + ", "
            + counts.slots + " and " + counts.codes);
      }
    }

    /** Checks the storage trie of the account just completed against its storage root. */
    private void finishAccount() {
      if (accountFields == null) {
        return;
      }
      Hash computed = storage == null ? emptyRoot : storage.finish();
      storage = null;
      if (!computed.equals(accountFields.storageRoot())) {
        throw new SnapshotRefusedException(
            "storage root mismatch for account " + Hex.encode(lastAccount) + " (hashed address; "
                + "record at byte offset " + accountRecord.offset() + "): expected "
                + accountFields.storageRoot() + ", computed " + computed + " from its "
                + accountSlots + " slots");
      }
      accountFields = null;
    }

    private static void requireAscending(Record record, byte[] previous, byte[] key, String what) {
      if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
        throw format(record, what + " " + Hex.encode(key) + " is not above the previous one "
            + Hex.encode(previous) + "; records must be in strictly ascending key order");
      }
    }

    private static SnapshotFormatException format(Record record, String problem) {
      return new SnapshotFormatException(record.offset(), record.name(), problem);
    }
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
