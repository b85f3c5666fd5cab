package org.xinlian.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.statetest.StateRoots;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.proof.AccountProof;
import org.xinlian.ledger.proof.AccountProofVerifier;
import org.xinlian.ledger.proof.ProofVerification;
import org.xinlian.ledger.proof.StateProofs;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.InMemoryNodeStore;
import org.xinlian.trie.SecureTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.rlp.Rlp;

/** STATE-12 (docs/adr/0004): a gm chain's state trie uses SM3; code hashes stay Keccak-256. */
class GmStateTest {
  private static final Address A = RandomWorkload.address(0);
  private static final byte[] CODE = {0x60, 0x01, 0x60, 0x00, 0x55};

  static List<TestStores.Factory> stores() {
    return TestStores.all();
  }

  private static Hash commitSample(KeyValueStore store, StateDatabase database) {
    JournaledWorldState state = database.headState();
    state.setBalance(A, UInt256.fromLong(1000));
    state.setCode(A, CODE);
    state.setStorage(A, UInt256.ONE, UInt256.fromLong(42));
    state.commitInitialState();
    try (WriteBatch batch = store.newBatch()) {
      Hash root = database.commit(state, 0, batch).root();
      store.write(batch);
      return root;
    }
  }

  /**
   * The gm root equals one built independently from the trie module with SM3 as both node hash and
   * key hash, and the Keccak-256 code hash; the standard root equals Ethereum's.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void gmRootUsesSm3AndDiffersFromTheStandardRoot(TestStores.Factory factory) {
    CryptoSuite gm = CryptoSuites.gm();
    Hash gmRoot;
    Hash standardRoot;
    try (KeyValueStore store = factory.open()) {
      gmRoot = commitSample(store, new StateDatabase(store, gm));
    }
    try (KeyValueStore store = factory.open()) {
      standardRoot = commitSample(store, new StateDatabase(store, CryptoSuites.standard()));
    }
    assertNotEquals(standardRoot, gmRoot);

    InMemoryWorldState reference = new InMemoryWorldState();
    reference.setBalance(A, UInt256.fromLong(1000));
    reference.setCode(A, CODE);
    reference.setStorage(A, UInt256.ONE, UInt256.fromLong(42));
    reference.commitInitialState();
    assertEquals(StateRoots.stateRoot(reference), standardRoot);

    TrieHashFunction sm3 = gm::hash;
    SecureTrie storage = SecureTrie.empty(new InMemoryNodeStore(), sm3);
    storage.put(UInt256.ONE.toBytes(), Rlp.encodeBytes(UInt256.fromLong(42).toMinimalBytes()));
    SecureTrie accounts = SecureTrie.empty(new InMemoryNodeStore(), sm3);
    accounts.put(A.toArray(), Rlp.encodeList(List.of(
        Rlp.encodeUnsignedLong(0),
        Rlp.encodeBytes(UInt256.fromLong(1000).toMinimalBytes()),
        Rlp.encodeBytes(storage.rootHash().toArray()),
        Rlp.encodeBytes(reference.codeHash(A).toArray()))));
    assertEquals(accounts.rootHash(), gmRoot);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void gmProofsVerifyOnlyWithSm3(TestStores.Factory factory) {
    try (KeyValueStore store = factory.open()) {
      StateDatabase database = new StateDatabase(store, CryptoSuites.gm());
      Hash root = commitSample(store, database);
      AccountProof proof = StateProofs.prove(database, root, A, List.of(UInt256.ONE));
      assertEquals(ProofVerification.ok(), AccountProofVerifier.verify(proof, root, CryptoSuites.gm()));
      ProofVerification withKeccak = AccountProofVerifier.verify(proof, root, TrieHashFunction.keccak256());
      assertFalse(withKeccak.valid());
      assertEquals("accountProof[0]", withKeccak.field());
      assertTrue(withKeccak.problem().contains("hash mismatch"), withKeccak.toString());
    }
  }
}
