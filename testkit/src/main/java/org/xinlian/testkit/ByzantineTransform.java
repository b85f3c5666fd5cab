package org.xinlian.testkit;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.DecidedBlock;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

/**
 * Turns what a Byzantine validator's inner honest engine broadcasts into what the validator
 * actually sends, per its {@link ByzantineBehaviour}. Forged messages are properly signed by the
 * validator itself (or, for {@link ByzantineBehaviour#WRONG_SIGNATURES}, by an outsider), so they
 * reach the engine's real checks rather than failing to decode.
 */
final class ByzantineTransform {
  private static final ByzantineBehaviour[] ACTIVE = {
    ByzantineBehaviour.EQUIVOCATING_PROPOSER, ByzantineBehaviour.DOUBLE_VOTER,
    ByzantineBehaviour.INVALID_BLOCKS, ByzantineBehaviour.WRONG_SIGNATURES,
    ByzantineBehaviour.GARBAGE
  };

  private final ByzantineBehaviour behaviour;
  private final CryptoSuite suite;
  private final MessageCodec codec;
  private final MessageSigner signer;
  private final MessageSigner outsider;
  private final RandomSource random;

  ByzantineTransform(ByzantineBehaviour behaviour, CryptoSuite suite, KeyPair key,
      KeyPair outsiderKey, RandomSource random) {
    this.behaviour = behaviour;
    this.suite = suite;
    this.codec = MessageCodec.of(suite);
    this.signer = new MessageSigner(suite, key);
    this.outsider = new MessageSigner(suite, outsiderKey);
    this.random = random;
  }

  /** Sends the corrupted form of a broadcast of {@code bytes} to {@code peers}. */
  void broadcast(byte[] bytes, List<Address> peers, BiConsumer<Address, byte[]> send) {
    ConsensusMessage message;
    try {
      message = codec.decode(bytes);
    } catch (DecodingException e) {
      throw new IllegalStateException("the inner engine sent undecodable bytes", e);
    }
    ByzantineBehaviour now = behaviour == ByzantineBehaviour.MIXED
        ? ACTIVE[random.nextInt(ACTIVE.length)] : behaviour;
    switch (now) {
      case EQUIVOCATING_PROPOSER -> split(message, equivocation(message), peers, send);
      case DOUBLE_VOTER -> split(message, doubleVote(message), peers, send);
      case INVALID_BLOCKS -> toAll(invalidBlock(message).orElse(message), peers, send);
      case WRONG_SIGNATURES -> {
        for (Address peer : peers) {
          send.accept(peer, wrongSignature(message));
        }
      }
      case GARBAGE -> {
        toAll(message, peers, send);
        for (Address peer : peers) {
          send.accept(peer, garbage());
        }
      }
      default -> toAll(message, peers, send);
    }
  }

  /**
   * What a Byzantine validator answers a catch-up request with: except when silent or merely
   * noisy, another block of the requested height under a forged certificate (its own seal
   * repeated, or alone), which honest nodes must refuse (CONSENSUS-12).
   */
  byte[] answer(byte[] bytes) {
    ConsensusMessage message = codec.decode(bytes);
    if (!(message instanceof DecidedBlock decided) || behaviour == ByzantineBehaviour.GARBAGE
        || behaviour == ByzantineBehaviour.WRONG_SIGNATURES) {
      return bytes;
    }
    CommitCertificate genuine = decided.committed().certificate();
    byte[] extra = new byte[4];
    random.nextBytes(extra);
    Block forged = withHeader(decided.committed().block(), header -> new BlockHeader(
        header.parentHash(), header.number(), header.timestamp(), header.proposer(),
        header.stateRoot(), header.transactionsRoot(), header.receiptsRoot(), header.logsBloom(),
        header.gasUsed(), header.gasLimit(), extra, new byte[0]));
    Hash hash = forged.hash(suite);
    Signature seal = signer.commit(genuine.height(), genuine.round(), hash).signature();
    int copies = random.nextInt(2) == 0 ? 1 : genuine.seals().size();
    CommitCertificate certificate = new CommitCertificate(genuine.height(), genuine.round(), hash,
        Collections.nCopies(copies, seal));
    return codec.encode(new DecidedBlock(new CommittedBlock(forged, certificate)));
  }

  private void toAll(ConsensusMessage message, List<Address> peers, BiConsumer<Address, byte[]> send) {
    byte[] bytes = codec.encode(message);
    peers.forEach(peer -> send.accept(peer, bytes));
  }

  /** Each peer gets the original, the forgery, or (one in four) both in a random order. */
  private void split(ConsensusMessage original, Optional<ConsensusMessage> forged,
      List<Address> peers, BiConsumer<Address, byte[]> send) {
    if (forged.isEmpty()) {
      toAll(original, peers, send);
      return;
    }
    byte[] first = codec.encode(original);
    byte[] second = codec.encode(forged.get());
    for (Address peer : peers) {
      int choice = random.nextInt(4);
      if (choice == 0) {
        send.accept(peer, first);
      } else if (choice == 1) {
        send.accept(peer, second);
      } else {
        send.accept(peer, choice == 2 ? first : second);
        send.accept(peer, choice == 2 ? second : first);
      }
    }
  }

  /** A second valid block for the same round: only the extra data differs. */
  private Optional<ConsensusMessage> equivocation(ConsensusMessage message) {
    if (!(message instanceof Proposal proposal)) {
      return doubleVote(message);
    }
    byte[] extra = new byte[8];
    random.nextBytes(extra);
    Block block = withHeader(proposal.block(), header -> new BlockHeader(header.parentHash(),
        header.number(), header.timestamp(), header.proposer(), header.stateRoot(),
        header.transactionsRoot(), header.receiptsRoot(), header.logsBloom(), header.gasUsed(),
        header.gasLimit(), extra, header.commitCertificate()));
    return Optional.of(resigned(proposal, block));
  }

  private Optional<ConsensusMessage> doubleVote(ConsensusMessage message) {
    if (!(message instanceof Vote vote)) {
      return Optional.empty();
    }
    byte[] other = new byte[Hash.LENGTH];
    random.nextBytes(other);
    return Optional.of(signer.vote(vote.kind(), vote.height(), vote.round(), Hash.wrap(other)));
  }

  private Optional<ConsensusMessage> invalidBlock(ConsensusMessage message) {
    if (!(message instanceof Proposal proposal)) {
      return Optional.empty();
    }
    byte[] root = new byte[Hash.LENGTH];
    random.nextBytes(root);
    Block block = withHeader(proposal.block(), header -> new BlockHeader(header.parentHash(),
        header.number(), header.timestamp(), header.proposer(), Hash.wrap(root),
        header.transactionsRoot(), header.receiptsRoot(), header.logsBloom(), header.gasUsed(),
        header.gasLimit(), header.extraData(), header.commitCertificate()));
    return Optional.of(resigned(proposal, block));
  }

  /** Half the time a flipped byte, else the same content signed by a key that is no validator's. */
  private byte[] wrongSignature(ConsensusMessage message) {
    byte[] bytes = codec.encode(message);
    if (random.nextInt(2) == 0) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
      return bytes;
    }
    if (message instanceof Vote vote) {
      return codec.encode(outsider.vote(vote.kind(), vote.height(), vote.round(), vote.blockHash()));
    }
    if (message instanceof Proposal proposal) {
      return codec.encode(outsider.proposal(proposal.height(), proposal.round(), proposal.block(),
          proposal.block().hash(suite), proposal.roundChanges(), proposal.prepares()));
    }
    if (message instanceof RoundChange change) {
      return codec.encode(new RoundChange(outsider.roundChange(change.height(), change.round(),
          change.signed().prepared()), change.certificate()));
    }
    return bytes;
  }

  /** Random bytes, or a well-formed vote with a hostile round or a truncated encoding. */
  private byte[] garbage() {
    int kind = random.nextInt(3);
    if (kind == 0) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      return bytes;
    }
    byte[] hash = new byte[Hash.LENGTH];
    random.nextBytes(hash);
    Vote vote = signer.prepare(1 + random.nextInt(1_000), random.nextInt(1_000_000), Hash.wrap(hash));
    byte[] bytes = codec.encode(vote);
    return kind == 1 ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length));
  }

  private Proposal resigned(Proposal proposal, Block block) {
    return signer.proposal(proposal.height(), proposal.round(), block, block.hash(suite),
        proposal.roundChanges(), proposal.prepares());
  }

  private static Block withHeader(Block block, UnaryOperator<BlockHeader> change) {
    return new Block(change.apply(block.header()), block.transactions());
  }
}
