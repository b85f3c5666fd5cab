package org.xinlian.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;

class ConsensusSignaturesTest {
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-8: proposal, prepare, commit and round-change digests of the same values all differ")
  void domainsAreSeparated(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    Hash hash = Fixtures.block(3, 0).hash(suite);
    List<byte[]> digests = List.of(
        ConsensusSignatures.proposalDigest(suite, 3, 1, hash),
        ConsensusSignatures.prepareDigest(suite, 3, 1, hash),
        ConsensusSignatures.commitDigest(suite, 3, 1, hash),
        ConsensusSignatures.roundChangeDigest(suite, 3, 1, Optional.of(new PreparedRound(0, hash))),
        ConsensusSignatures.roundChangeDigest(suite, 3, 1, Optional.empty()),
        ConsensusSignatures.commitDigest(suite, 3, 2, hash),
        ConsensusSignatures.commitDigest(suite, 4, 1, hash));
    for (int i = 0; i < digests.size(); i++) {
      for (int j = i + 1; j < digests.size(); j++) {
        assertFalse(Arrays.equals(digests.get(i), digests.get(j)), i + " vs " + j);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  @DisplayName("CONSENSUS-8: a prepare's signature establishes its signer as a prepare, never as a commit")
  void aPrepareIsNoCommit(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    KeyPair key = Fixtures.key(suite, 3);
    Address address = suite.address(key.publicKey());
    Hash hash = Fixtures.block(3, 0).hash(suite);
    Signature prepare = suite.sign(key.privateKey(), ConsensusSignatures.prepareDigest(suite, 3, 1, hash));
    assertEquals(Optional.of(address),
        ConsensusSignatures.signer(suite, ConsensusSignatures.prepareDigest(suite, 3, 1, hash), prepare));
    Optional<Address> asCommit =
        ConsensusSignatures.signer(suite, ConsensusSignatures.commitDigest(suite, 3, 1, hash), prepare);
    assertNotEquals(Optional.of(address), asCommit);
  }
}
