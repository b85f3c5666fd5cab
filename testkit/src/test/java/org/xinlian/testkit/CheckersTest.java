package org.xinlian.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/** The checkers must be able to fail: each is shown the violation it exists to catch. */
class CheckersTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  private final List<KeyPair> keys = new ArrayList<>();
  private final List<Address> addresses = new ArrayList<>();

  CheckersTest() {
    for (int i = 1; i <= 4; i++) {
      byte[] scalar = new byte[32];
      scalar[31] = (byte) i;
      keys.add(suite.keyPairFromPrivateKey(scalar));
      addresses.add(suite.address(keys.get(i - 1).publicKey()));
    }
  }

  private SafetyChecker checker() {
    KeyValueLedger.ValidatorScript script =
        new KeyValueLedger.ValidatorScript(ValidatorSet.equalPower(addresses), Map.of());
    return new SafetyChecker(99, suite, script, address -> true);
  }

  private Block block(int variant) {
    BlockHeader header = new BlockHeader(Hash.ZERO, 1, 1, Address.ZERO, Hash.ZERO, Hash.ZERO,
        Hash.ZERO, LogsBloom.EMPTY, 0, 0, new byte[] {(byte) variant}, new byte[0]);
    return new Block(header, List.of());
  }

  /** The block as a ledger stores it: certified by {@code signers}, the certificate in the header. */
  private Block certified(Block block, int signers) {
    return new Block(block.header().withCommitCertificate(certificate(block, signers).encode(suite)),
        block.transactions());
  }

  private CommitCertificate certificate(Block block, int signers) {
    List<Signature> seals = new ArrayList<>();
    for (int i = 0; i < signers; i++) {
      seals.add(new MessageSigner(suite, keys.get(i)).commit(1, 0, block.hash(suite)).signature());
    }
    return new CommitCertificate(1, 0, block.hash(suite), seals);
  }

  @Test
  @DisplayName("CONSENSUS-18: the safety checker fails a run in which two honest nodes finalise different blocks at one height")
  void twoBlocksAtOneHeight() {
    SafetyChecker checker = checker();
    checker.committed(addresses.get(0), certified(block(1), 3), certificate(block(1), 3), Hash.ZERO);
    SimulationFailure failure = assertThrows(SimulationFailure.class, () -> checker.committed(
        addresses.get(1), certified(block(2), 3), certificate(block(2), 3), Hash.ZERO));
    assertTrue(failure.getMessage().contains("finalised different blocks at height 1"), failure.getMessage());
    assertTrue(failure.getMessage().contains("-Dsim.seed=99"), failure.getMessage());
  }

  @Test
  @DisplayName("CONSENSUS-18: the safety checker fails a run whose certificate lacks a quorum")
  void certificateWithoutQuorum() {
    SimulationFailure failure = assertThrows(SimulationFailure.class, () -> checker().committed(
        addresses.get(0), certified(block(1), 2), certificate(block(1), 2), Hash.ZERO));
    assertTrue(failure.getMessage().contains("INSUFFICIENT_POWER"), failure.getMessage());
  }

  @Test
  @DisplayName("CONSENSUS-18: the safety checker fails a run in which a node's executed state differs from the header")
  void stateRootMismatch() {
    Hash other = suite.hashOf(new byte[] {1});
    SimulationFailure failure = assertThrows(SimulationFailure.class, () -> checker().committed(
        addresses.get(0), certified(block(1), 3), certificate(block(1), 3), other));
    assertTrue(failure.getMessage().contains("state root"), failure.getMessage());
  }

  @Test
  @DisplayName("CONSENSUS-13: the signing checker fails a run in which an honest node signs two different prepares in a round")
  void doubleSigning() {
    SigningChecker checker = new SigningChecker(5, suite);
    MessageCodec codec = MessageCodec.of(suite);
    MessageSigner signer = new MessageSigner(suite, keys.get(0));
    checker.sent(addresses.get(0), codec.encode(signer.prepare(3, 1, block(1).hash(suite))));
    checker.sent(addresses.get(0), codec.encode(signer.prepare(3, 1, block(1).hash(suite))));
    assertThrows(SimulationFailure.class, () -> checker.sent(addresses.get(0),
        codec.encode(signer.prepare(3, 1, block(2).hash(suite)))));
  }
}
