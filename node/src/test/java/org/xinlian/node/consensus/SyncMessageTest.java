package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.message.CommitRequest;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.crypto.CryptoSuites;

/** NODE-12: the block sync messages round-trip, and bad bytes fail naming the field. */
class SyncMessageTest {
  private static final MessageCodec CODEC = MessageCodec.of(CryptoSuites.standard());

  @Test
  void messagesRoundTrip() {
    try (TestLedger ledger = new TestLedger(CryptoSuites.standard(),
        TestLedger.keys(CryptoSuites.standard(), 4), CryptoSuites.standard().generateKeyPair(new java.security.SecureRandom()))) {
      ledger.pool.add(ledger.transfer(0));
      ledger.commitNext();
      ledger.commitNext();
      List<CommittedBlock> blocks = List.of(ledger.application.committedBlock(1).orElseThrow(),
          ledger.application.committedBlock(2).orElseThrow());
      for (SyncMessage message : List.of(new SyncMessage.Status(0), new SyncMessage.Status(77),
          new SyncMessage.GetBlocks(5, 64), new SyncMessage.Blocks(List.of()),
          new SyncMessage.Blocks(blocks))) {
        SyncMessage decoded = SyncMessage.decode(SyncMessage.encode(message, CODEC), CODEC);
        if (message instanceof SyncMessage.Blocks expected) {
          List<CommittedBlock> actual = ((SyncMessage.Blocks) decoded).blocks();
          assertEquals(expected.blocks().size(), actual.size());
          for (int i = 0; i < actual.size(); i++) {
            assertEquals(expected.blocks().get(i).certificate(), actual.get(i).certificate());
            assertEquals(expected.blocks().get(i).block().header(), actual.get(i).block().header());
          }
        } else {
          assertEquals(message, decoded);
        }
      }
    }
  }

  /** Hand-written RLP: [type, ...] with the mistake in the named field. */
  @ParameterizedTest
  @CsvSource({
    "c109, blockSync.type",
    "c3010101, blockSync",
    "c3020040, getBlocks.from",
    "c3020100, getBlocks.count",
    "c3020141, getBlocks.count",
    "c20301, blocks",
    "c403c28001, blocks[0].message",
    "c3018100, status.head",
    "80, blockSync",
    "c0, blockSync.type",
  })
  void badMessagesNameTheField(String hex, String field) {
    DecodingException error = assertThrows(DecodingException.class,
        () -> SyncMessage.decode(Hex.decode(hex), CODEC));
    assertEquals(field, error.field(), error.getMessage());
  }

  @Test
  void aConsensusMessageIsNotABlock() {
    byte[] request = CODEC.encode(new CommitRequest(3));
    byte[] blocks = new org.xinlian.types.rlp.RlpWriter().startList().writeUnsignedLong(3)
        .startList().writeEncoded(request).endList().endList().toByteArray();
    DecodingException error = assertThrows(DecodingException.class, () -> SyncMessage.decode(blocks, CODEC));
    assertEquals("blocks[0]", error.field());
  }

  /** Whatever a peer sends, decoding fails only with a DecodingException. */
  @Property(tries = 500)
  void arbitraryBytesFailOnlyWithADecodingException(@ForAll @Size(max = 64) byte[] bytes) {
    try {
      SyncMessage.decode(bytes, CODEC);
    } catch (DecodingException expected) {
      // Refused naming a field, as every decoder must.
    }
  }
}
