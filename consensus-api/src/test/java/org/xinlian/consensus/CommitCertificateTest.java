package org.xinlian.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.rlp.RlpWriter;

class CommitCertificateTest {
  private static final long HEIGHT = 42;
  private static final int ROUND = 3;

  private static Signature seal(CryptoSuite suite, KeyPair key, Hash blockHash) {
    return suite.sign(key.privateKey(),
        ConsensusSignatures.commitDigest(suite, HEIGHT, ROUND, blockHash));
  }

  private static CommitCertificate certificate(CryptoSuite suite, List<KeyPair> signers, Hash hash) {
    List<Signature> seals = new ArrayList<>();
    for (KeyPair key : signers) {
      seals.add(seal(suite, key, hash));
    }
    return new CommitCertificate(HEIGHT, ROUND, hash, seals);
  }

  private static Block block(CryptoSuite suite) {
    return Fixtures.block(HEIGHT, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-7: seals of three of four validators verify, for the block they certify")
  void quorumVerifies(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    ValidatorSet set = Fixtures.equalPower(suite, keys);
    Block block = block(suite);
    CommitCertificate certificate = certificate(suite, keys.subList(1, 4), block.hash(suite));
    assertTrue(certificate.verify(set, suite).isValid());
    assertTrue(certificate.verifyFor(block.header(), set, suite).isValid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-7: two of four is insufficient power, and the verdict says how much was needed")
  void insufficientPower(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    Hash hash = block(suite).hash(suite);
    CertificateVerdict verdict =
        certificate(suite, keys.subList(0, 2), hash).verify(Fixtures.equalPower(suite, keys), suite);
    assertEquals(CertificateProblem.INSUFFICIENT_POWER, verdict.problem().orElseThrow());
    assertTrue(verdict.detail().contains("power 2 of 4") && verdict.detail().contains("needs 3"),
        verdict.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-7: a validator's second seal is named as a duplicate signer")
  void duplicateSigner(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    Hash hash = block(suite).hash(suite);
    CertificateVerdict verdict = certificate(suite, List.of(keys.get(0), keys.get(1), keys.get(0)), hash)
        .verify(Fixtures.equalPower(suite, keys), suite);
    assertEquals(CertificateProblem.DUPLICATE_SIGNER, verdict.problem().orElseThrow());
    assertTrue(verdict.detail().startsWith("seal 2 "), verdict.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-7: a seal by a key outside the validator set is named as an unknown signer")
  void unknownSigner(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    List<KeyPair> keys = Fixtures.keys(suite, 5);
    Hash hash = block(suite).hash(suite);
    CertificateVerdict verdict = certificate(suite, keys.subList(1, 5), hash)
        .verify(Fixtures.equalPower(suite, keys.subList(0, 4)), suite);
    assertEquals(CertificateProblem.UNKNOWN_SIGNER, verdict.problem().orElseThrow());
    assertTrue(verdict.detail().contains(suite.address(keys.get(4).publicKey()).toString()));
  }

  @Test
  @DisplayName("CONSENSUS-7: an SM2 seal that does not verify under its embedded key is a bad signature")
  void badSm2Signature() {
    CryptoSuite suite = CryptoSuites.gm();
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    Hash hash = block(suite).hash(suite);
    List<Signature> seals = new ArrayList<>(certificate(suite, keys.subList(0, 3), hash).seals());
    Signature genuine = seals.get(1);
    seals.set(1, Signature.withSignerKey(genuine.r(), genuine.s().add(BigInteger.ONE),
        genuine.signerKey()));
    CertificateVerdict verdict = new CommitCertificate(HEIGHT, ROUND, hash, seals)
        .verify(Fixtures.equalPower(suite, keys), suite);
    assertEquals(CertificateProblem.BAD_SIGNATURE, verdict.problem().orElseThrow());
    assertTrue(verdict.detail().startsWith("seal 1 "), verdict.detail());
  }

  @Test
  @DisplayName("CONSENSUS-7: a secp256k1 seal from which no key can be recovered is a bad signature")
  void unrecoverableSecp256k1Signature() {
    CryptoSuite suite = CryptoSuites.standard();
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    Hash hash = block(suite).hash(suite);
    byte[] digest = ConsensusSignatures.commitDigest(suite, HEIGHT, ROUND, hash);
    // Half of all r values are no curve point's x coordinate; take the first such r.
    Signature unrecoverable = null;
    for (int r = 1; unrecoverable == null; r++) {
      Signature candidate = Signature.recoverable(BigInteger.valueOf(r), BigInteger.TWO, 0);
      if (ConsensusSignatures.signer(suite, digest, candidate).isEmpty()) {
        unrecoverable = candidate;
      }
    }
    List<Signature> seals = new ArrayList<>(certificate(suite, keys.subList(0, 3), hash).seals());
    seals.add(0, unrecoverable);
    CertificateVerdict verdict = new CommitCertificate(HEIGHT, ROUND, hash, seals)
        .verify(Fixtures.equalPower(suite, keys), suite);
    assertEquals(CertificateProblem.BAD_SIGNATURE, verdict.problem().orElseThrow());
  }

  @Test
  @DisplayName("CONSENSUS-7: a secp256k1 seal of another round recovers to a stranger, named unknown signer")
  void sealOfAnotherRound() {
    CryptoSuite suite = CryptoSuites.standard();
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    Hash hash = block(suite).hash(suite);
    List<Signature> seals = new ArrayList<>(certificate(suite, keys.subList(0, 3), hash).seals());
    seals.set(2, suite.sign(keys.get(2).privateKey(),
        ConsensusSignatures.commitDigest(suite, HEIGHT, ROUND + 1, hash)));
    CertificateVerdict verdict = new CommitCertificate(HEIGHT, ROUND, hash, seals)
        .verify(Fixtures.equalPower(suite, keys), suite);
    assertEquals(CertificateProblem.UNKNOWN_SIGNER, verdict.problem().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-7: attached to another block, a valid certificate reports the wrong hash or height")
  void wrongBlock(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    List<KeyPair> keys = Fixtures.keys(suite, 4);
    ValidatorSet set = Fixtures.equalPower(suite, keys);
    CommitCertificate certificate = certificate(suite, keys, block(suite).hash(suite));
    BlockHeader sibling = Fixtures.block(HEIGHT, 2).header();
    assertEquals(CertificateProblem.WRONG_HASH,
        certificate.verifyFor(sibling, set, suite).problem().orElseThrow());
    BlockHeader other = Fixtures.block(HEIGHT + 1, 1).header();
    assertEquals(CertificateProblem.WRONG_HEIGHT,
        certificate.verifyFor(other, set, suite).problem().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-7: 300 seals fit the 64 KiB header field and decode to the same certificate")
  void largestCertificateFits(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    Hash hash = block(suite).hash(suite);
    Signature seal = seal(suite, Fixtures.key(suite, 1), hash);
    List<Signature> seals = java.util.Collections.nCopies(ValidatorSet.VALIDATORS_MAX, seal);
    CommitCertificate certificate = new CommitCertificate(HEIGHT, ROUND, hash, seals);
    byte[] encoded = certificate.encode(suite);
    assertTrue(encoded.length <= BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX, encoded.length + " bytes");
    assertEquals(certificate, CommitCertificate.decode(encoded, suite));
    BlockHeader header = block(suite).header().withCommitCertificate(encoded);
    assertEquals(certificate, CommitCertificate.decode(header.commitCertificate(), suite));
  }

  @Test
  @DisplayName("CONSENSUS-7: the decoder refuses other versions, empty or extra seal lists, trailing items and wrong signature lengths, naming the field")
  void strictDecoding() {
    CryptoSuite suite = CryptoSuites.standard();
    Hash hash = block(suite).hash(suite);
    byte[] seal = suite.encodeSignature(seal(suite, Fixtures.key(suite, 1), hash));
    assertField("commitCertificate.version", encode(2, HEIGHT, hash, List.of(seal), false), suite);
    assertField("commitCertificate.height", encode(1, 0, hash, List.of(seal), false), suite);
    assertField("commitCertificate.seals", encode(1, HEIGHT, hash, List.of(), false), suite);
    assertField("commitCertificate", encode(1, HEIGHT, hash, List.of(seal), true), suite);
    assertField("commitCertificate.seals[0]",
        encode(1, HEIGHT, hash, List.of(java.util.Arrays.copyOf(seal, 64)), false), suite);
    List<byte[]> tooMany = java.util.Collections.nCopies(ValidatorSet.VALIDATORS_MAX + 1, seal);
    assertField("commitCertificate.seals[300]", encode(1, HEIGHT, hash, tooMany, false), suite);
    byte[] oversized = new byte[BlockHeader.COMMIT_CERTIFICATE_BYTES_MAX + 1];
    assertField("commitCertificate", oversized, suite);
  }

  private static void assertField(String field, byte[] encoded, CryptoSuite suite) {
    DecodingException e =
        assertThrows(DecodingException.class, () -> CommitCertificate.decode(encoded, suite));
    assertEquals(field, e.field(), e.getMessage());
  }

  private static byte[] encode(long version, long height, Hash hash, List<byte[]> seals, boolean extra) {
    RlpWriter writer = new RlpWriter();
    writer.startList().writeUnsignedLong(version).writeUnsignedLong(height).writeUnsignedLong(ROUND);
    writer.writeBytes(hash.toArray()).startList();
    seals.forEach(writer::writeBytes);
    writer.endList();
    if (extra) {
      writer.writeUnsignedLong(7);
    }
    return writer.endList().toByteArray();
  }
}
