package org.xinlian.consensus.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusLimits;
import org.xinlian.consensus.Fixtures;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.block.Block;
import org.xinlian.types.rlp.RlpWriter;

class MessageCodecTest {
  /** One message of every type, signed by keys 1 to 3. */
  static List<ConsensusMessage> samples(CryptoSuite suite) {
    MessageSigner one = new MessageSigner(suite, Fixtures.key(suite, 1));
    MessageSigner two = new MessageSigner(suite, Fixtures.key(suite, 2));
    MessageSigner three = new MessageSigner(suite, Fixtures.key(suite, 3));
    Block block = Fixtures.block(5, 1);
    Hash hash = block.hash(suite);
    List<Vote> prepares = List.of(one.prepare(5, 0, hash), two.prepare(5, 0, hash), three.prepare(5, 0, hash));
    SignedRoundChange locked = one.roundChange(5, 1, Optional.of(new PreparedRound(0, hash)));
    SignedRoundChange free = two.roundChange(5, 1, Optional.empty());
    CommitCertificate certificate = new CommitCertificate(5, 0, hash,
        List.of(one.commit(5, 0, hash).signature(), two.commit(5, 0, hash).signature()));
    return List.of(
        one.proposal(5, 0, block, hash, List.of(), List.of()),
        two.proposal(5, 1, block, hash, List.of(locked, free), prepares),
        one.prepare(5, 0, hash),
        three.commit(5, 7, hash),
        new RoundChange(free, Optional.empty()),
        new RoundChange(locked, Optional.of(new PreparedCertificate(block, prepares))),
        new CommitRequest(4),
        new DecidedBlock(new CommittedBlock(block, certificate)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-9: every message type decodes to what was encoded")
  void roundTrip(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    MessageCodec codec = MessageCodec.of(suite);
    for (ConsensusMessage message : samples(suite)) {
      assertEquals(message, codec.decode(codec.encode(message)));
    }
  }

  @Test
  @DisplayName("CONSENSUS-9: unknown types, height 0, rounds above the limit and trailing items are refused by field")
  void strictFields() {
    CryptoSuite suite = CryptoSuites.standard();
    MessageCodec codec = MessageCodec.of(suite);
    byte[] signature = suite.encodeSignature(
        new MessageSigner(suite, Fixtures.key(suite, 1)).prepare(1, 0, Hash.ZERO).signature());
    assertField(codec, "message.type", vote(9, 1, 0, signature, false));
    assertField(codec, "prepare.height", vote(2, 0, 0, signature, false));
    assertField(codec, "commit.round", vote(3, 1, ConsensusLimits.ROUND_MAX + 1L, signature, false));
    assertField(codec, "message", vote(2, 1, 0, signature, true));
    assertField(codec, "prepare.signature", vote(2, 1, 0, java.util.Arrays.copyOf(signature, 64), false));
    assertField(codec, "message", new byte[ConsensusLimits.MESSAGE_BYTES_MAX + 1]);
  }

  @Test
  @DisplayName("CONSENSUS-9: a commit inside a proposal's prepares and a certificate without a prepared round are refused")
  void justificationShapes() {
    CryptoSuite suite = CryptoSuites.standard();
    MessageCodec codec = MessageCodec.of(suite);
    MessageSigner signer = new MessageSigner(suite, Fixtures.key(suite, 1));
    Block block = Fixtures.block(5, 1);
    Hash hash = block.hash(suite);
    Proposal proposal = signer.proposal(5, 1, block, hash, List.of(), List.of());
    Vote commit = signer.commit(5, 0, hash);
    RlpWriter writer = new RlpWriter();
    writer.startList().writeUnsignedLong(1).writeUnsignedLong(5).writeUnsignedLong(1);
    writer.writeEncoded(org.xinlian.types.block.BlockCodec.of(suite).encodeBlock(block));
    writer.writeBytes(suite.encodeSignature(proposal.signature())).startList().endList();
    writer.startList().startList().writeUnsignedLong(3).writeUnsignedLong(5).writeUnsignedLong(0);
    writer.writeBytes(hash.toArray()).writeBytes(suite.encodeSignature(commit.signature()));
    writer.endList().endList();
    assertField(codec, "proposal.prepares[0].type", writer.endList().toByteArray());

    RoundChange free = new RoundChange(signer.roundChange(5, 1, Optional.empty()), Optional.empty());
    byte[] withCertificate = roundChangeWithCertificate(suite, free.signed(), block, List.of());
    assertField(codec, "roundChange.certificate", withCertificate);
  }

  @Test
  @DisplayName("CONSENSUS-9: more than 300 round changes in a proposal are refused")
  void justificationListsAreBounded() {
    CryptoSuite suite = CryptoSuites.standard();
    MessageCodec codec = MessageCodec.of(suite);
    MessageSigner signer = new MessageSigner(suite, Fixtures.key(suite, 1));
    Block block = Fixtures.block(5, 1);
    Hash hash = block.hash(suite);
    List<SignedRoundChange> many = new ArrayList<>(Collections.nCopies(ValidatorSet.VALIDATORS_MAX + 1,
        signer.roundChange(5, 1, Optional.empty())));
    byte[] encoded = codec.encode(signer.proposal(5, 1, block, hash, many, List.of()));
    assertField(codec, "proposal.roundChanges[300]", encoded);
  }

  private static byte[] roundChangeWithCertificate(CryptoSuite suite, SignedRoundChange signed,
      Block block, List<Vote> prepares) {
    RlpWriter writer = new RlpWriter();
    writer.startList().writeUnsignedLong(4);
    writer.startList().writeUnsignedLong(signed.height()).writeUnsignedLong(signed.round());
    writer.startList().endList().writeBytes(suite.encodeSignature(signed.signature())).endList();
    writer.startList().writeEncoded(org.xinlian.types.block.BlockCodec.of(suite).encodeBlock(block));
    writer.startList().endList().endList();
    return writer.endList().toByteArray();
  }

  private static byte[] vote(int type, long height, long round, byte[] signature, boolean extra) {
    RlpWriter writer = new RlpWriter();
    writer.startList().writeUnsignedLong(type).writeUnsignedLong(height).writeUnsignedLong(round);
    writer.writeBytes(new byte[32]).writeBytes(signature);
    if (extra) {
      writer.writeUnsignedLong(1);
    }
    return writer.endList().toByteArray();
  }

  private static void assertField(MessageCodec codec, String field, byte[] bytes) {
    DecodingException e = assertThrows(DecodingException.class, () -> codec.decode(bytes));
    assertEquals(field, e.field(), e.getMessage());
  }
}
