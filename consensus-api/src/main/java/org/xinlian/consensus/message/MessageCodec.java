package org.xinlian.consensus.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusLimits;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;

/**
 * The wire form of consensus messages for one chain's suite (docs/spec/consensus.md
 * CONSENSUS-9). Each message is one RLP list whose first item is its type:
 *
 * <ul>
 *   <li>proposal {@code [1, height, round, block, signature, [roundChange...], [prepare...]]};
 *   <li>prepare {@code [2, height, round, blockHash, signature]}, commit the same with type 3;
 *   <li>round change {@code [4, [height, round, [] | [preparedRound, preparedHash], signature],
 *       [] | [block, [prepare...]]]};
 *   <li>commit request {@code [5, height]}; decided block {@code [6, block, certificate]}.
 * </ul>
 *
 * Decoding is strict: at most {@link ConsensusLimits#MESSAGE_BYTES_MAX} bytes, heights from 1,
 * rounds up to {@link ConsensusLimits#ROUND_MAX}, at most {@link ValidatorSet#VALIDATORS_MAX}
 * entries per justification list, signatures in the suite's exact form, no trailing items; every
 * failure is a {@link DecodingException} naming the field.
 */
public final class MessageCodec {
  static final int PROPOSAL = 1;
  static final int PREPARE = 2;
  static final int COMMIT = 3;
  static final int ROUND_CHANGE = 4;
  static final int COMMIT_REQUEST = 5;
  static final int DECIDED_BLOCK = 6;

  private static final String MESSAGE = "message";

  private final CryptoSuite suite;
  private final BlockCodec blocks;

  private MessageCodec(CryptoSuite suite) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.blocks = BlockCodec.of(suite);
  }

  public static MessageCodec of(CryptoSuite suite) {
    return new MessageCodec(suite);
  }

  public byte[] encode(ConsensusMessage message) {
    RlpWriter writer = new RlpWriter(256);
    writer.startList();
    if (message instanceof Proposal proposal) {
      writer.writeUnsignedLong(PROPOSAL).writeUnsignedLong(proposal.height());
      writer.writeUnsignedLong(proposal.round()).writeEncoded(blocks.encodeBlock(proposal.block()));
      writer.writeBytes(suite.encodeSignature(proposal.signature()));
      writer.startList();
      proposal.roundChanges().forEach(change -> writeSignedRoundChange(writer, change));
      writer.endList();
      writeVotes(writer, proposal.prepares());
    } else if (message instanceof Vote vote) {
      writeVote(writer, vote);
    } else if (message instanceof RoundChange change) {
      writer.writeUnsignedLong(ROUND_CHANGE);
      writeSignedRoundChange(writer, change.signed());
      writer.startList();
      change.certificate().ifPresent(certificate -> {
        writer.writeEncoded(blocks.encodeBlock(certificate.block()));
        writeVotes(writer, certificate.prepares());
      });
      writer.endList();
    } else if (message instanceof CommitRequest request) {
      writer.writeUnsignedLong(COMMIT_REQUEST).writeUnsignedLong(request.height());
    } else {
      DecidedBlock decided = (DecidedBlock) message;
      writer.writeUnsignedLong(DECIDED_BLOCK);
      writer.writeEncoded(blocks.encodeBlock(decided.committed().block()));
      writer.writeBytes(decided.committed().certificate().encode(suite));
    }
    return writer.endList().toByteArray();
  }

  public ConsensusMessage decode(byte[] bytes) {
    if (bytes != null && bytes.length > ConsensusLimits.MESSAGE_BYTES_MAX) {
      throw new DecodingException(
          MESSAGE, bytes.length + " bytes exceed the limit of " + ConsensusLimits.MESSAGE_BYTES_MAX);
    }
    RlpReader fields = RlpReader.ofList(bytes, MESSAGE);
    long type = fields.readUnsignedLong(MESSAGE + ".type");
    ConsensusMessage message;
    if (type == PROPOSAL) {
      message = readProposal(fields, "proposal");
    } else if (type == PREPARE || type == COMMIT) {
      String field = type == PREPARE ? "prepare" : "commit";
      message = readVoteFields(fields, type == PREPARE ? VoteKind.PREPARE : VoteKind.COMMIT, field);
    } else if (type == ROUND_CHANGE) {
      message = readRoundChange(fields, "roundChange");
    } else if (type == COMMIT_REQUEST) {
      message = new CommitRequest(readHeight(fields, "commitRequest.height"));
    } else if (type == DECIDED_BLOCK) {
      message = readDecidedBlock(fields, "decidedBlock");
    } else {
      throw new DecodingException(MESSAGE + ".type", "unknown message type " + type);
    }
    fields.requireEnd(MESSAGE);
    return message;
  }

  private Proposal readProposal(RlpReader fields, String field) {
    long height = readHeight(fields, field + ".height");
    int round = readRound(fields, field + ".round");
    Block block = readBlock(fields, field + ".block");
    Signature signature = readSignature(fields, field + ".signature");
    RlpReader list = fields.readList(field + ".roundChanges");
    List<SignedRoundChange> changes = new ArrayList<>();
    while (list.hasNext()) {
      String item = field + ".roundChanges[" + changes.size() + "]";
      requireRoom(changes.size(), item);
      changes.add(readSignedRoundChange(list.readList(item), item));
    }
    List<Vote> prepares = readPrepares(fields, field + ".prepares");
    return new Proposal(height, round, block, signature, changes, prepares);
  }

  private RoundChange readRoundChange(RlpReader fields, String field) {
    SignedRoundChange signed = readSignedRoundChange(fields.readList(field + ".signed"), field);
    String certificateField = field + ".certificate";
    RlpReader certificate = fields.readList(certificateField);
    Optional<PreparedCertificate> prepared = Optional.empty();
    if (certificate.hasNext()) {
      Block block = readBlock(certificate, certificateField + ".block");
      List<Vote> prepares = readPrepares(certificate, certificateField + ".prepares");
      certificate.requireEnd(certificateField);
      prepared = Optional.of(new PreparedCertificate(block, prepares));
    }
    if (signed.prepared().isPresent() != prepared.isPresent()) {
      throw new DecodingException(certificateField,
          "must be present exactly when a prepared round is reported");
    }
    return new RoundChange(signed, prepared);
  }

  private DecidedBlock readDecidedBlock(RlpReader fields, String field) {
    Block block = readBlock(fields, field + ".block");
    byte[] encoded = fields.readBytesAtMost(
        field + ".certificate", BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX);
    CommitCertificate certificate;
    try {
      certificate = CommitCertificate.decode(encoded, suite);
    } catch (DecodingException e) {
      throw renamed(e, field + ".certificate");
    }
    return new DecidedBlock(new CommittedBlock(block, certificate));
  }

  private SignedRoundChange readSignedRoundChange(RlpReader fields, String field) {
    long height = readHeight(fields, field + ".height");
    int round = readRound(fields, field + ".round");
    RlpReader prepared = fields.readList(field + ".prepared");
    Optional<PreparedRound> preparedRound = Optional.empty();
    if (prepared.hasNext()) {
      int value = readRound(prepared, field + ".prepared.round");
      Hash hash = prepared.readHash(field + ".prepared.blockHash");
      prepared.requireEnd(field + ".prepared");
      preparedRound = Optional.of(new PreparedRound(value, hash));
    }
    Signature signature = readSignature(fields, field + ".signature");
    fields.requireEnd(field);
    return new SignedRoundChange(height, round, preparedRound, signature);
  }

  private List<Vote> readPrepares(RlpReader fields, String field) {
    RlpReader list = fields.readList(field);
    List<Vote> votes = new ArrayList<>();
    while (list.hasNext()) {
      String item = field + "[" + votes.size() + "]";
      requireRoom(votes.size(), item);
      RlpReader vote = list.readList(item);
      long type = vote.readUnsignedLong(item + ".type");
      if (type != PREPARE) {
        throw new DecodingException(item + ".type", "expected a prepare (2) but got " + type);
      }
      votes.add(readVoteFields(vote, VoteKind.PREPARE, item));
      vote.requireEnd(item);
    }
    return votes;
  }

  private Vote readVoteFields(RlpReader fields, VoteKind kind, String field) {
    long height = readHeight(fields, field + ".height");
    int round = readRound(fields, field + ".round");
    Hash hash = fields.readHash(field + ".blockHash");
    return new Vote(kind, height, round, hash, readSignature(fields, field + ".signature"));
  }

  private Block readBlock(RlpReader fields, String field) {
    byte[] encoded = fields.readEncoded(field);
    try {
      return blocks.decodeBlock(encoded);
    } catch (DecodingException e) {
      throw renamed(e, field);
    }
  }

  private Signature readSignature(RlpReader fields, String field) {
    byte[] bytes = fields.readBytesAtMost(field, ConsensusLimits.SIGNATURE_BYTES_MAX);
    try {
      return suite.decodeSignature(bytes);
    } catch (IllegalArgumentException e) {
      throw new DecodingException(field, e.getMessage(), e);
    }
  }

  private void writeVote(RlpWriter writer, Vote vote) {
    writer.writeUnsignedLong(vote.kind() == VoteKind.PREPARE ? PREPARE : COMMIT);
    writer.writeUnsignedLong(vote.height()).writeUnsignedLong(vote.round());
    writer.writeBytes(vote.blockHash().toArray()).writeBytes(suite.encodeSignature(vote.signature()));
  }

  private void writeVotes(RlpWriter writer, List<Vote> votes) {
    writer.startList();
    for (Vote vote : votes) {
      writer.startList();
      writeVote(writer, vote);
      writer.endList();
    }
    writer.endList();
  }

  private void writeSignedRoundChange(RlpWriter writer, SignedRoundChange change) {
    writer.startList().writeUnsignedLong(change.height()).writeUnsignedLong(change.round());
    writer.startList();
    change.prepared().ifPresent(prepared ->
        writer.writeUnsignedLong(prepared.round()).writeBytes(prepared.blockHash().toArray()));
    writer.endList();
    writer.writeBytes(suite.encodeSignature(change.signature()));
    writer.endList();
  }

  private static long readHeight(RlpReader fields, String field) {
    long height = fields.readLong(field);
    if (height < 1) {
      throw new DecodingException(field, "must be at least 1 (genesis is not decided)");
    }
    return height;
  }

  private static int readRound(RlpReader fields, String field) {
    long round = fields.readLong(field);
    if (round > ConsensusLimits.ROUND_MAX) {
      throw new DecodingException(field, round + " exceeds the limit of " + ConsensusLimits.ROUND_MAX);
    }
    return (int) round;
  }

  private static void requireRoom(int size, String field) {
    if (size == ValidatorSet.VALIDATORS_MAX) {
      throw new DecodingException(field, "more than " + ValidatorSet.VALIDATORS_MAX + " entries");
    }
  }

  private static DecodingException renamed(DecodingException e, String field) {
    String problem = e.getMessage().substring(Math.min(e.getMessage().length(), e.field().length() + 2));
    return new DecodingException(field + "." + e.field(), problem, e);
  }
}
