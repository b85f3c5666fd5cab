package org.xinlian.types.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.Keccak256;
import org.xinlian.types.transaction.TransactionType;

/**
 * Bloom and receipt encodings against go-ethereum's own known answers (docs/spec/types.md
 * TYPES-21, TYPES-22). Sources: go-ethereum core/types/bloom9_test.go (TestBloom,
 * TestBloomExtensively) and core/types/receipt_test.go (TestReceiptMarshalBinary, legacyWant and
 * accessListWant), which geth computes with its independent implementation.
 */
class ReceiptKnownAnswerTest {
  /** go-ethereum receipt_test.go legacyWant: failed status, cumulative gas 1, two logs. */
  private static final String GETH_LEGACY_RECEIPT =
      "f901c58001b901000000000000001000000000000000000000000000000000000000000000000000"
          + "00000000000000000000000000000000000000000000000000000000000000000000005000000000"
          + "00000000000000000000000000014000000000000000000000000000000000000000000000000000"
          + "00000000000000000000000001000008000000000000000000000400000000000000000000000000"
          + "00400000000000000000000000000008000000000000000000000000000000000000000000000000"
          + "00000400000000000000000000000000000000000000000000000000000000000010000000000000"
          + "000000000000000000000000000000000000000000000000f8bef85d940000000000000000000000"
          + "000000000000000011f842a000000000000000000000000000000000000000000000000000000000"
          + "0000deada0000000000000000000000000000000000000000000000000000000000000beef830100"
          + "fff85d940000000000000000000000000000000000000111f842a000000000000000000000000000"
          + "0000000000000000000000000000000000deada00000000000000000000000000000000000000000"
          + "00000000000000000000beef830100ff";

  private static List<Log> gethLogs() {
    List<Hash> topics =
        List.of(Hash.fromHex("00".repeat(30) + "dead"), Hash.fromHex("00".repeat(30) + "beef"));
    byte[] data = {0x01, 0x00, (byte) 0xff};
    return List.of(
        new Log(Address.fromHex("00".repeat(19) + "11"), topics, data),
        new Log(Address.fromHex("00".repeat(18) + "0111"), topics, data));
  }

  @Test
  void legacyReceiptMatchesGeth() {
    Receipt receipt = Receipt.of(TransactionType.LEGACY, false, 1, gethLogs());
    assertEquals(GETH_LEGACY_RECEIPT, Hex.encodeBare(ReceiptCodec.encode(receipt)));
    assertEquals(receipt, ReceiptCodec.decode(Hex.decode(GETH_LEGACY_RECEIPT)));
  }

  /** accessListWant in the same geth test: the type byte 01 before the same list. */
  @Test
  void typedReceiptMatchesGeth() {
    Receipt receipt = Receipt.of(TransactionType.ACCESS_LIST, false, 1, gethLogs());
    assertEquals("01" + GETH_LEGACY_RECEIPT, Hex.encodeBare(ReceiptCodec.encode(receipt)));
    assertEquals(receipt, ReceiptCodec.decode(Hex.decode("01" + GETH_LEGACY_RECEIPT)));
  }

  /** bloom9_test.go TestBloomExtensively: keccak of the bloom of 100 strings. */
  @Test
  void bloomMatchesGethExtensiveTest() {
    LogsBloom bloom = LogsBloom.EMPTY;
    for (int i = 0; i < 100; i++) {
      bloom = bloom.with(
          String.format("xxxxxxxxxx data %d yyyyyyyyyyyyyy", i).getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(
        "c8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263",
        Hex.encodeBare(Keccak256.hash(bloom.toArray())));
  }

  /** bloom9_test.go TestBloom: added values test positive, these two negatives do not. */
  @Test
  void bloomMembershipMatchesGeth() {
    LogsBloom bloom = LogsBloom.EMPTY;
    for (String value : List.of("testtest", "test", "hallo", "other")) {
      bloom = bloom.with(value.getBytes(StandardCharsets.UTF_8));
    }
    for (String value : List.of("testtest", "test", "hallo", "other")) {
      assertTrue(bloom.mightContain(value.getBytes(StandardCharsets.UTF_8)), value);
      assertTrue(bloom.mightContain(LogsBloom.probe(value.getBytes(StandardCharsets.UTF_8))), value);
    }
    for (String value : List.of("tes", "lo")) {
      assertFalse(bloom.mightContain(value.getBytes(StandardCharsets.UTF_8)), value);
      // A probe computed once answers as the value does.
      assertFalse(bloom.mightContain(LogsBloom.probe(value.getBytes(StandardCharsets.UTF_8))), value);
    }
  }

  /** TYPES-21: strict receipt decoding. */
  @Test
  void malformedReceiptsAreRejected() {
    byte[] good = Hex.decode(GETH_LEGACY_RECEIPT);
    // Status 0x02 instead of the empty string (third byte is the status, 0x80).
    byte[] badStatus = good.clone();
    badStatus[3] = 0x02;
    assertEquals(
        "receipt.status",
        assertThrows(DecodingException.class, () -> ReceiptCodec.decode(badStatus)).field());
    // Flip one bloom bit: the bloom no longer matches the logs.
    byte[] badBloom = good.clone();
    badBloom[10] ^= 1;
    assertEquals(
        "receipt.logsBloom",
        assertThrows(DecodingException.class, () -> ReceiptCodec.decode(badBloom)).field());
    byte[] unknownType = new byte[good.length + 1];
    unknownType[0] = 0x05;
    System.arraycopy(good, 0, unknownType, 1, good.length);
    assertEquals(
        "receipt.type",
        assertThrows(DecodingException.class, () -> ReceiptCodec.decode(unknownType)).field());
    // Five topics: encode by hand since the Log record refuses them.
    byte[] fiveTopics = Hex.decode("f8" + "a9" + "94" + "11".repeat(20) + "f8" + "a5"
        + ("a0" + "22".repeat(32)).repeat(5) + "80");
    assertThrows(
        DecodingException.class,
        () -> ReceiptCodec.readLog(org.xinlian.types.rlp.RlpReader.of(fiveTopics, "log"), "log"));
    assertArrayEquals(good, ReceiptCodec.encode(ReceiptCodec.decode(good)));
  }
}
