package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.snapshot.SnapshotRecordReader.Record;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.types.rlp.RlpReader;

/** Damaged and lying files are refused, and leave no head (SNAPSHOT-1, 2, 5 to 9). */
class SnapshotIntegrityTest {
  private static final CryptoSuite SUITE = CryptoSuites.standard();
  private static TestStates.Built source;
  private static byte[] file;

  @BeforeAll
  static void exportSmallState() {
    source = TestStates.build(SUITE, new TestStates.Shape(6, 3, 4, 2), 11);
    file = source.export();
  }

  /** SNAPSHOT-2: any single damaged byte is refused with an offset at or before it. */
  @Test
  void everyCorruptedByteIsRefusedWithItsOffset() {
    int refused = 0;
    for (int mask : new int[] {0x01, 0x80}) {
      for (int position = 0; position < file.length; position++) {
        byte[] damaged = TestStates.copy(file);
        damaged[position] ^= (byte) mask;
        KeyValueStore target = TestStates.emptyStore();
        SnapshotFormatException error = assertThrows(
            SnapshotFormatException.class, () -> TestStates.importBytes(target, SUITE, damaged),
            "byte " + position + " flipped with " + mask);
        assertTrue(error.offset() <= position, error.getMessage() + " for byte " + position);
        assertTrue(error.getMessage().contains("at byte offset " + error.offset()), error.getMessage());
        assertEquals(Optional.empty(), SnapshotLayout.head(target));
        refused++;
      }
    }
    assertEquals(2 * file.length, refused);
  }

  /** SNAPSHOT-2: a file cut anywhere is refused as truncated. */
  @Test
  void everyTruncationIsRefused() {
    for (int length = 0; length < file.length; length++) {
      byte[] cut = Arrays.copyOf(file, length);
      KeyValueStore target = TestStates.emptyStore();
      SnapshotFormatException error = assertThrows(
          SnapshotFormatException.class, () -> TestStates.importBytes(target, SUITE, cut),
          "cut at " + length);
      assertTrue(error.getMessage().contains("truncated"), error.getMessage());
      assertEquals(Optional.empty(), SnapshotLayout.head(target));
    }
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] longer = Arrays.copyOf(file, file.length + 1);
    SnapshotFormatException error = assertThrows(SnapshotFormatException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, longer));
    assertEquals(file.length, error.offset());
  }

  /** SNAPSHOT-6: a re-sealed file whose account was changed fails the state root. */
  @Test
  void tamperedBalanceFailsTheStateRoot() {
    byte[] tampered = SnapshotFiles.rewrite(file, SnapshotFormat.RECORD_ACCOUNT, 2, body -> {
      byte[] account = Arrays.copyOfRange(body, Hash.LENGTH, body.length);
      RlpReader fields = RlpReader.ofList(account, "account");
      long nonce = fields.readUnsignedLong("nonce");
      BigInteger balance = fields.readBigInteger("balance", 32);
      Hash storageRoot = fields.readHash("storageRoot");
      byte[] codeHash = fields.readHash("codeHash").toArray();
      return SnapshotExporter.concat(Arrays.copyOf(body, Hash.LENGTH),
          TestStates.account(nonce, balance.add(BigInteger.ONE), storageRoot, codeHash));
    });
    KeyValueStore target = TestStates.emptyStore();
    SnapshotRefusedException error = assertThrows(
        SnapshotRefusedException.class, () -> TestStates.importBytes(target, SUITE, tampered));
    assertTrue(error.getMessage().contains("state root mismatch"), error.getMessage());
    assertTrue(error.getMessage().contains(source.header().stateRoot().toHexString()), error.getMessage());
    assertEquals(Optional.empty(), SnapshotLayout.head(target));
  }

  /** SNAPSHOT-6: a changed slot value is caught at its account, which the refusal names. */
  @Test
  void tamperedSlotNamesTheAccount() {
    List<Record> records = SnapshotFiles.records(file);
    Record account = records.stream()
        .filter(record -> record.type() == SnapshotFormat.RECORD_ACCOUNT)
        .filter(record -> records.indexOf(record) + 1 < records.size()
            && records.get(records.indexOf(record) + 1).type() == SnapshotFormat.RECORD_SLOT)
        .findFirst().orElseThrow();
    String hashedAddress = Hex.encode(Arrays.copyOf(account.body(), Hash.LENGTH));
    int slotIndex = 0;
    for (Record record : records.subList(0, records.indexOf(account))) {
      slotIndex += record.type() == SnapshotFormat.RECORD_SLOT ? 1 : 0;
    }
    byte[] tampered = SnapshotFiles.rewrite(file, SnapshotFormat.RECORD_SLOT, slotIndex, body -> {
      body[body.length - 1] ^= 1;
      return body;
    });
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, tampered));
    assertTrue(error.getMessage().contains("storage root mismatch for account " + hashedAddress),
        error.getMessage());
    assertTrue(error.getMessage().contains("expected"), error.getMessage());
    assertTrue(error.getMessage().contains("computed"), error.getMessage());
  }

  /** SNAPSHOT-6: dropping a slot (and fixing the end counts) is caught the same way. */
  @Test
  void droppedSlotIsCaught() {
    List<Record> records = new ArrayList<>(SnapshotFiles.records(file));
    int slot = 0;
    while (records.get(slot).type() != SnapshotFormat.RECORD_SLOT) {
      slot++;
    }
    records.remove(slot);
    int end = records.size() - 1;
    byte[] counts = records.get(end).body();
    long slots = ByteBuffer.wrap(counts).getLong(8);
    ByteBuffer.wrap(counts).putLong(8, slots - 1);
    records.set(end, new Record(SnapshotFormat.RECORD_END, counts, 0));
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, SnapshotFiles.seal(records)));
    assertTrue(error.getMessage().contains("storage root mismatch for account"), error.getMessage());
  }

  /** SNAPSHOT-7: code that does not hash to its code hash is refused. */
  @Test
  void tamperedCodeIsRefused() {
    byte[] tampered = SnapshotFiles.rewrite(file, SnapshotFormat.RECORD_CODE, 0, body -> {
      body[body.length - 1] ^= 1;
      return body;
    });
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, tampered));
    assertTrue(error.getMessage().contains("code mismatch"), error.getMessage());
  }

  /** SNAPSHOT-7: an account whose code is not in the file is refused. */
  @Test
  void missingCodeIsRefused() {
    List<Record> records = new ArrayList<>(SnapshotFiles.records(file));
    records.removeIf(record -> record.type() == SnapshotFormat.RECORD_CODE);
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, SnapshotFiles.seal(records)));
    assertTrue(error.getMessage().contains("holds no such code"), error.getMessage());
  }

  /** SNAPSHOT-4: records out of key order are refused, naming the record. */
  @Test
  void accountsOutOfOrderAreRefused() {
    List<Record> records = new ArrayList<>(SnapshotFiles.records(file));
    // Without slots the storage roots fail first, so swap two accounts that have no slots.
    int first = -1;
    int second = -1;
    for (int index = 0; index < records.size(); index++) {
      boolean noSlots = records.get(index).type() == SnapshotFormat.RECORD_ACCOUNT
          && records.get(index + 1).type() != SnapshotFormat.RECORD_SLOT;
      if (noSlots && first < 0) {
        first = index;
      } else if (noSlots && second < 0) {
        second = index;
      }
    }
    Record swapped = records.get(first);
    records.set(first, records.get(second));
    records.set(second, swapped);
    SnapshotFormatException error = assertThrows(SnapshotFormatException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, SnapshotFiles.seal(records)));
    assertTrue(error.getMessage().contains("strictly ascending"), error.getMessage());
  }

  /** SNAPSHOT-5: a bound on a record's length is checked before reading it. */
  @Test
  void oversizedRecordLengthIsRefusedBeforeReading() {
    byte[] damaged = TestStates.copy(file);
    int headerRecord = SnapshotFormat.MAGIC.length + Integer.BYTES;
    ByteBuffer.wrap(damaged).putInt(headerRecord + 1, Integer.MAX_VALUE);
    SnapshotFormatException error = assertThrows(SnapshotFormatException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), SUITE, damaged));
    assertTrue(error.getMessage().contains("exceeds the limit"), error.getMessage());
    assertEquals(headerRecord, error.offset());
  }

  /** The exporter refuses a state whose nodes are gone (pruned) rather than write a partial file. */
  @Test
  void exportOfAPrunedStateIsRefused() {
    TestStates.Built pruned = TestStates.build(SUITE, new TestStates.Shape(50, 5, 5, 1), 12);
    String anyNode = TestStates.dump(pruned.store(), LedgerNamespaces.TRIE_NODES).keySet().stream()
        .filter(node -> !node.equals(pruned.header().stateRoot().toHexString()))
        .findFirst().orElseThrow();
    try (var batch = pruned.store().newBatch()) {
      batch.delete(LedgerNamespaces.TRIE_NODES, Hex.decode(anyNode));
      pruned.store().write(batch);
    }
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class, pruned::export);
    assertTrue(error.getMessage().contains(anyNode + " is missing"), error.getMessage());
  }
}
