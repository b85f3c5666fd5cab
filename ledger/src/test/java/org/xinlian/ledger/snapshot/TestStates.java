package org.xinlian.ledger.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.xinlian.common.Address;
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
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.SecureTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.rlp.RlpWriter;

/**
 * Builds a world state directly with {@link SecureTrie} over the store's trie nodes, plus code,
 * the flat view and a chain head, the way the world state and block store lay them out; the
 * snapshot code is then checked against this independent construction.
 */
final class TestStates {
  static final long CHAIN_ID = 20_240_601L;
  static final long HEIGHT = 1234;

  /** Shape of a generated state. */
  record Shape(int accounts, int contractsWithStorage, int slotsPerContract, int distinctCodes) {}

  /** A built state: the store holding it, its block header and genesis hash. */
  record Built(KeyValueStore store, CryptoSuite suite, BlockHeader header, Hash genesisHash) {
    Hash blockHash() {
      return header.hash(suite);
    }

    byte[] export() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SnapshotExporter.export(
          store, suite, header, genesisHash, CHAIN_ID, out, ProgressListener.NONE);
      return out.toByteArray();
    }
  }

  private TestStates() {}

  static KeyValueStore emptyStore() {
    return KeyValueStores.inMemory(LedgerNamespaces.ALL);
  }

  static Built build(CryptoSuite suite, Shape shape, long seed) {
    Random random = new Random(seed);
    KeyValueStore store = emptyStore();
    TrieHashFunction hashFunction = StateHashing.trieHash(suite);
    List<byte[]> codes = new ArrayList<>();
    for (int index = 0; index < shape.distinctCodes(); index++) {
      codes.add(randomBytes(random, 1 + random.nextInt(300)));
    }
    Hash stateRoot;
    try (WriteBatch batch = store.newBatch()) {
      KeyValueNodeStore nodes = new KeyValueNodeStore(store, batch);
      SecureTrie state = SecureTrie.empty(nodes, hashFunction);
      for (int index = 0; index < shape.accounts(); index++) {
        byte[] address = randomBytes(random, Address.LENGTH);
        byte[] hashedAddress = hashFunction.hash(address);
        SecureTrie storage = SecureTrie.empty(nodes, hashFunction);
        byte[] codeHash = Keccak256.hash(new byte[0]);
        if (index < shape.contractsWithStorage()) {
          for (int slot = 0; slot < shape.slotsPerContract(); slot++) {
            byte[] key = randomBytes(random, 32);
            byte[] value = Rlp.encodeBigInteger(new BigInteger(1 + random.nextInt(255), random)
                .add(BigInteger.ONE));
            storage.put(key, value);
            batch.put(LedgerNamespaces.FLAT_STORAGE,
                SnapshotLayout.flatStorageKey(hashedAddress, hashFunction.hash(key)), value);
          }
          if (!codes.isEmpty()) {
            byte[] code = codes.get(random.nextInt(codes.size()));
            codeHash = Keccak256.hash(code);
            batch.put(LedgerNamespaces.CODE, codeHash, code);
          }
        }
        Hash storageRoot = storage.commit();
        byte[] account = account(random.nextInt(1000), new BigInteger(96, random), storageRoot, codeHash);
        state.put(address, account);
        batch.put(LedgerNamespaces.FLAT_ACCOUNTS, hashedAddress, account);
      }
      stateRoot = state.commit();
      store.write(batch);
    }
    Hash genesisHash = Hash.wrap(randomBytes(random, 32));
    BlockHeader header = header(stateRoot, HEIGHT);
    writeHead(store, suite, header, genesisHash);
    return new Built(store, suite, header, genesisHash);
  }

  static byte[] account(long nonce, BigInteger balance, Hash storageRoot, byte[] codeHash) {
    return new RlpWriter()
        .startList()
        .writeUnsignedLong(nonce)
        .writeBigInteger(balance)
        .writeBytes(storageRoot.toArray())
        .writeBytes(codeHash)
        .endList()
        .toByteArray();
  }

  static BlockHeader header(Hash stateRoot, long number) {
    return new BlockHeader(
        Hash.wrap(Keccak256.hash(new byte[] {7})), number, 1_700_000_000L,
        Address.wrap(new byte[Address.LENGTH]), stateRoot,
        Hash.wrap(Keccak256.hash(new byte[] {1})), Hash.wrap(Keccak256.hash(new byte[] {2})),
        LogsBloom.EMPTY, 21_000, 30_000_000, new byte[] {1, 2, 3}, new byte[] {9, 9});
  }

  /** A chain head as the block store would record it. */
  static void writeHead(KeyValueStore store, CryptoSuite suite, BlockHeader header, Hash genesis) {
    Hash blockHash = header.hash(suite);
    try (WriteBatch batch = store.newBatch()) {
      batch.put(SnapshotLayout.HEADERS, blockHash.toArray(), BlockCodec.of(suite).encodeHeader(header));
      batch.put(SnapshotLayout.CANONICAL, SnapshotLayout.heightKey(header.number()), blockHash.toArray());
      batch.put(SnapshotLayout.META, SnapshotLayout.META_HEAD, blockHash.toArray());
      batch.put(SnapshotLayout.META, SnapshotLayout.META_SUITE,
          suite.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_CHAIN_ID, SnapshotLayout.encodeLong(CHAIN_ID));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_GENESIS, genesis.toArray());
      store.write(batch);
    }
  }

  /** Every entry of a namespace, hex key → hex value, in key order. */
  static Map<String, String> dump(ReadView view, Namespace namespace) {
    Map<String, String> entries = new TreeMap<>();
    try (KeyValueIterator iterator = view.iterate(namespace, KeyRange.ALL)) {
      while (iterator.hasNext()) {
        KeyValue entry = iterator.next();
        entries.put(Hex.encode(entry.key()), Hex.encode(entry.value()));
      }
    }
    return entries;
  }

  /** Every namespace of the store, for "untouched" checks. */
  static Map<String, Map<String, String>> dumpAll(KeyValueStore store) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (Namespace namespace : LedgerNamespaces.ALL) {
      all.put(namespace.name(), dump(store, namespace));
    }
    return all;
  }

  static SnapshotResult importBytes(KeyValueStore target, CryptoSuite suite, byte[] file) {
    return SnapshotImporter.importInto(
        target, suite, null, new ByteArrayInputStream(file), ProgressListener.NONE);
  }

  static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  static byte[] copy(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length);
  }
}
