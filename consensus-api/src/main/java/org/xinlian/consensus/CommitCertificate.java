package org.xinlian.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;

/**
 * The proof that a block is final: commit seals (signatures over {@link
 * ConsensusSignatures#commitDigest}) of validators holding more than two thirds of the power at
 * the block's height, all for the same round. Anyone holding that height's validator set can
 * {@link #verify} it without any other consensus message, which is what light clients and the
 * cross-chain relay rely on (docs/spec/consensus.md CONSENSUS-7).
 *
 * <p>Encoding ({@link #encode}): {@code rlp([1, height, round, blockHash, [seal...]])}, each seal
 * in the suite's compact signature form (65 bytes on standard chains, 128 on gm chains); at most
 * {@link BlockHeader#COMMIT_CERTIFICATE_BYTES_MAX} bytes and {@link ValidatorSet#VALIDATORS_MAX}
 * seals, so it always fits the header field that carries it.
 */
public record CommitCertificate(long height, int round, Hash blockHash, List<Signature> seals) {
  /** The encoding's version byte; another version is refused rather than guessed at. */
  public static final int VERSION = 1;

  private static final String FIELD = "commitCertificate";

  public CommitCertificate {
    if (height < 1) {
      throw new IllegalArgumentException("commitCertificate.height: must be at least 1");
    }
    if (round < 0) {
      throw new IllegalArgumentException("commitCertificate.round: must not be negative");
    }
    Objects.requireNonNull(blockHash, "commitCertificate.blockHash");
    seals = List.copyOf(seals);
    if (seals.isEmpty() || seals.size() > ValidatorSet.VALIDATORS_MAX) {
      throw new IllegalArgumentException(
          "commitCertificate.seals: must hold 1 to " + ValidatorSet.VALIDATORS_MAX + " seals");
    }
  }

  /** The bytes that go into {@link BlockHeader#commitCertificate()}. */
  public byte[] encode(CryptoSuite suite) {
    RlpWriter writer = new RlpWriter(64 + seals.size() * 132);
    writer.startList().writeUnsignedLong(VERSION).writeUnsignedLong(height);
    writer.writeUnsignedLong(round).writeBytes(blockHash.toArray());
    writer.startList();
    for (Signature seal : seals) {
      writer.writeBytes(suite.encodeSignature(seal));
    }
    writer.endList();
    return writer.endList().toByteArray();
  }

  /**
   * Strictly decodes {@link #encode}'s output; every problem is a {@link DecodingException} naming
   * the field, such as {@code commitCertificate.seals[3]}.
   */
  public static CommitCertificate decode(byte[] encoded, CryptoSuite suite) {
    if (encoded != null && encoded.length > BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX) {
      throw new DecodingException(FIELD, encoded.length + " bytes exceed the limit of "
          + BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX);
    }
    RlpReader fields = RlpReader.ofList(encoded, FIELD);
    long version = fields.readUnsignedLong(FIELD + ".version");
    if (version != VERSION) {
      throw new DecodingException(FIELD + ".version", "expected " + VERSION + " but got " + version);
    }
    long height = fields.readLong(FIELD + ".height");
    if (height < 1) {
      throw new DecodingException(FIELD + ".height", "must be at least 1");
    }
    int round = readRound(fields, FIELD + ".round");
    Hash blockHash = fields.readHash(FIELD + ".blockHash");
    RlpReader list = fields.readList(FIELD + ".seals");
    List<Signature> seals = new ArrayList<>();
    while (list.hasNext()) {
      String field = FIELD + ".seals[" + seals.size() + "]";
      if (seals.size() == ValidatorSet.VALIDATORS_MAX) {
        throw new DecodingException(field, "more than " + ValidatorSet.VALIDATORS_MAX + " seals");
      }
      seals.add(readSignature(list, field, suite));
    }
    if (seals.isEmpty()) {
      throw new DecodingException(FIELD + ".seals", "must hold at least one seal");
    }
    fields.requireEnd(FIELD);
    return new CommitCertificate(height, round, blockHash, seals);
  }

  /**
   * Checks that the seals are valid signatures over this certificate's commit digest by distinct
   * validators of {@code validators} holding more than two thirds of the power.
   */
  public CertificateVerdict verify(ValidatorSet validators, CryptoSuite suite) {
    byte[] digest = ConsensusSignatures.commitDigest(suite, height, round, blockHash);
    Set<Address> signers = new HashSet<>();
    long power = 0;
    for (int i = 0; i < seals.size(); i++) {
      Optional<Address> signer = ConsensusSignatures.signer(suite, digest, seals.get(i));
      if (signer.isEmpty()) {
        return CertificateVerdict.invalid(CertificateProblem.BAD_SIGNATURE,
            "seal " + i + " is not a valid " + suite.name() + " signature over the commit of block "
                + blockHash + " at height " + height + ", round " + round);
      }
      Address address = signer.get();
      if (!validators.contains(address)) {
        return CertificateVerdict.invalid(CertificateProblem.UNKNOWN_SIGNER,
            "seal " + i + " is signed by " + address + ", not a validator of height " + height);
      }
      if (!signers.add(address)) {
        return CertificateVerdict.invalid(CertificateProblem.DUPLICATE_SIGNER,
            "seal " + i + " is a second seal by " + address);
      }
      power += validators.powerOf(address);
    }
    if (!validators.isQuorum(power)) {
      return CertificateVerdict.invalid(CertificateProblem.INSUFFICIENT_POWER,
          "the seals hold power " + power + " of " + validators.totalPower()
              + "; more than two thirds needs " + validators.quorumPower());
    }
    return CertificateVerdict.valid();
  }

  /**
   * {@link #verify} for the block this certificate is attached to: first checks that it certifies
   * {@code header}'s height and hash, so a valid certificate of another block is named as such.
   */
  public CertificateVerdict verifyFor(BlockHeader header, ValidatorSet validators, CryptoSuite suite) {
    if (header.number() != height) {
      return CertificateVerdict.invalid(CertificateProblem.WRONG_HEIGHT,
          "the certificate is for height " + height + " but the block is at " + header.number());
    }
    Hash expected = header.hash(suite);
    if (!expected.equals(blockHash)) {
      return CertificateVerdict.invalid(CertificateProblem.WRONG_HASH,
          "the certificate is for block " + blockHash + " but the block's hash is " + expected);
    }
    return verify(validators, suite);
  }

  /** Reads a round: a canonical scalar of at most {@link ConsensusLimits#ROUND_MAX}. */
  private static int readRound(RlpReader reader, String field) {
    long round = reader.readLong(field);
    if (round > ConsensusLimits.ROUND_MAX) {
      throw new DecodingException(field, round + " exceeds the limit of " + ConsensusLimits.ROUND_MAX);
    }
    return (int) round;
  }

  /** Reads a signature in the suite's compact form, renaming the suite's error to {@code field}. */
  private static Signature readSignature(RlpReader reader, String field, CryptoSuite suite) {
    byte[] bytes = reader.readBytesAtMost(field, ConsensusLimits.SIGNATURE_BYTES_MAX);
    try {
      return suite.decodeSignature(bytes);
    } catch (IllegalArgumentException e) {
      throw new DecodingException(field, e.getMessage(), e);
    }
  }
}
