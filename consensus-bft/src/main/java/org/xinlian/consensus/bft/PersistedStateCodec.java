package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.consensus.ConsensusLimits;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.consensus.message.PreparedCertificate;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;

/**
 * Encodes {@link PersistedState}: {@code rlp([1, height, round, lock, proposal, prepare, commit,
 * roundChange])} where the lock is {@code []} or {@code [preparedRound, block, [prepare...]]} and
 * each signed message is a byte string holding its {@link MessageCodec} encoding (empty when
 * absent). Decoding is strict and checks that every message belongs to the recorded height and
 * round: a damaged record must stop the node rather than let it sign blindly.
 */
final class PersistedStateCodec {
  static final int VERSION = 1;
  private static final String FIELD = "consensusState";

  private final MessageCodec messages;
  private final BlockCodec blocks;
  private final CryptoSuite suite;

  PersistedStateCodec(CryptoSuite suite) {
    this.suite = suite;
    this.messages = MessageCodec.of(suite);
    this.blocks = BlockCodec.of(suite);
  }

  byte[] encode(PersistedState state) {
    RlpWriter writer = new RlpWriter(1024);
    writer.startList().writeUnsignedLong(VERSION).writeUnsignedLong(state.height());
    writer.writeUnsignedLong(state.round());
    writer.startList();
    state.lock().ifPresent(lock -> {
      writer.writeUnsignedLong(lock.prepared().round());
      writer.writeEncoded(blocks.encodeBlock(lock.certificate().block()));
      writer.startList();
      lock.certificate().prepares().forEach(vote -> writer.writeBytes(messages.encode(vote)));
      writer.endList();
    });
    writer.endList();
    writeOptional(writer, state.proposal());
    writeOptional(writer, state.prepare());
    writeOptional(writer, state.commit());
    writeOptional(writer, state.roundChange());
    return writer.endList().toByteArray();
  }

  PersistedState decode(byte[] bytes) {
    RlpReader fields = RlpReader.ofList(bytes, FIELD);
    long version = fields.readUnsignedLong(FIELD + ".version");
    if (version != VERSION) {
      throw new DecodingException(FIELD + ".version", "expected " + VERSION + " but got " + version);
    }
    long height = fields.readLong(FIELD + ".height");
    long round = fields.readLong(FIELD + ".round");
    if (height < 1 || round > ConsensusLimits.ROUND_MAX) {
      throw new DecodingException(FIELD, "height " + height + " or round " + round + " out of range");
    }
    Optional<Lock> lock = readLock(fields.readList(FIELD + ".lock"), height, (int) round);
    Optional<Proposal> proposal = readMessage(fields, "proposal", Proposal.class, height, round);
    Optional<Vote> prepare = readMessage(fields, "prepare", Vote.class, height, round);
    Optional<Vote> commit = readMessage(fields, "commit", Vote.class, height, round);
    Optional<RoundChange> change = readMessage(fields, "roundChange", RoundChange.class, height, round);
    fields.requireEnd(FIELD);
    if (prepare.filter(vote -> vote.kind() != VoteKind.PREPARE).isPresent()
        || commit.filter(vote -> vote.kind() != VoteKind.COMMIT).isPresent()) {
      throw new DecodingException(FIELD, "a vote is recorded under the wrong kind");
    }
    return new PersistedState(height, (int) round, lock, proposal, prepare, commit, change);
  }

  private Optional<Lock> readLock(RlpReader lock, long height, int round) {
    if (!lock.hasNext()) {
      return Optional.empty();
    }
    String field = FIELD + ".lock";
    long preparedRound = lock.readLong(field + ".round");
    if (preparedRound > round) {
      throw new DecodingException(field + ".round", "after the recorded round " + round);
    }
    Block block;
    try {
      block = blocks.decodeBlock(lock.readEncoded(field + ".block"));
    } catch (DecodingException e) {
      throw new DecodingException(field + "." + e.field(), e.getMessage(), e);
    }
    RlpReader list = lock.readList(field + ".prepares");
    List<Vote> prepares = new ArrayList<>();
    while (list.hasNext()) {
      String item = field + ".prepares[" + prepares.size() + "]";
      if (prepares.size() == ValidatorSet.VALIDATORS_MAX) {
        throw new DecodingException(item, "more than " + ValidatorSet.VALIDATORS_MAX + " prepares");
      }
      ConsensusMessage message = decodeMessage(list.readBytes(item), item);
      if (!(message instanceof Vote vote) || vote.kind() != VoteKind.PREPARE
          || vote.height() != height || vote.round() != preparedRound) {
        throw new DecodingException(item, "not a prepare of the locked round");
      }
      prepares.add(vote);
    }
    lock.requireEnd(field);
    PreparedRound prepared = new PreparedRound((int) preparedRound, block.hash(suite));
    return Optional.of(new Lock(prepared, new PreparedCertificate(block, prepares)));
  }

  private <T extends ConsensusMessage> Optional<T> readMessage(
      RlpReader fields, String name, Class<T> type, long height, long round) {
    String field = FIELD + "." + name;
    byte[] bytes = fields.readBytes(field);
    if (bytes.length == 0) {
      return Optional.empty();
    }
    ConsensusMessage message = decodeMessage(bytes, field);
    if (!type.isInstance(message) || message.height() != height || roundOf(message) != round) {
      throw new DecodingException(field, "not a " + name + " of height " + height + ", round " + round);
    }
    return Optional.of(type.cast(message));
  }

  private ConsensusMessage decodeMessage(byte[] bytes, String field) {
    try {
      return messages.decode(bytes);
    } catch (DecodingException e) {
      throw new DecodingException(field + "." + e.field(), e.getMessage(), e);
    }
  }

  private void writeOptional(RlpWriter writer, Optional<? extends ConsensusMessage> message) {
    writer.writeBytes(message.map(messages::encode).orElse(new byte[0]));
  }

  private static long roundOf(ConsensusMessage message) {
    if (message instanceof Proposal proposal) {
      return proposal.round();
    }
    if (message instanceof Vote vote) {
      return vote.round();
    }
    return message instanceof RoundChange change ? change.round() : -1;
  }
}
