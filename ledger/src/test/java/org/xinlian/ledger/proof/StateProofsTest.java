package org.xinlian.ledger.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.statetest.StateRoots;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.TrieHashFunction;

/** STATE-13, STATE-14: proofs of present and absent accounts and slots, and precise rejections. */
class StateProofsTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
  private static final Address ABSENT = Address.fromHex("0x00000000000000000000000000000000000000cc");
  private static final UInt256 SLOT = UInt256.fromLong(7);
  private static final UInt256 NO_SLOT = UInt256.fromLong(8);

  private StateDatabase database;
  private Hash root;

  /** The same content as {@link #reference}, committed to a store. */
  private static void fill(WorldState state) {
    state.setBalance(A, UInt256.fromLong(100));
    state.setNonce(A, 1);
    state.setCode(A, new byte[] {0x60, 0x00});
    state.setStorage(A, SLOT, UInt256.fromLong(0x1234));
    for (int slot = 20; slot < 60; slot++) {
      state.setStorage(A, UInt256.fromLong(slot), UInt256.fromLong(slot));
    }
    for (int account = 1; account < 40; account++) {
      byte[] bytes = new byte[20];
      bytes[0] = (byte) account;
      state.setBalance(Address.wrap(bytes), UInt256.fromLong(account));
    }
    state.setBalance(B, UInt256.ONE);
  }

  @BeforeEach
  void commitState() {
    KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL);
    database = new StateDatabase(store, CryptoSuites.standard());
    JournaledWorldState state = database.headState();
    fill(state);
    state.commitInitialState();
    try (WriteBatch batch = store.newBatch()) {
      root = database.commit(state, 0, batch).root();
      store.write(batch);
    }
  }

  private AccountProof proveA() {
    return StateProofs.prove(database, root, A, List.of(SLOT, NO_SLOT));
  }

  @Test
  void rootEqualsEthereumRootOfTheSameState() {
    InMemoryWorldState reference = new InMemoryWorldState();
    fill(reference);
    reference.commitInitialState();
    assertEquals(StateRoots.stateRoot(reference), root);
  }

  @Test
  void presentAccountAndSlotsVerifyAndSurviveJson() {
    AccountProof proof = proveA();
    assertEquals(UInt256.fromLong(100), proof.balance());
    assertEquals(1, proof.nonce());
    assertEquals(UInt256.fromLong(0x1234), proof.storageProof().get(0).value());
    assertEquals(UInt256.ZERO, proof.storageProof().get(1).value());
    assertFalse(proof.storageProof().get(1).proof().isEmpty(), "an absent slot still has an exclusion path");
    assertTrue(AccountProofVerifier.verify(proof, root, TrieHashFunction.keccak256()).valid());
    String json = ProofJson.toJson(proof);
    AccountProof parsed = ProofJson.parse(json);
    assertEquals(json, ProofJson.toJson(parsed));
    assertEquals(ProofVerification.ok(), AccountProofVerifier.verify(parsed, root, CryptoSuites.standard()));
  }

  /** geth's shape: field order, 0x quantities without leading zeros, 32-byte keys, 0x node RLP. */
  @Test
  void jsonHasGethsShape() {
    String json = ProofJson.toJson(proveA());
    assertTrue(json.matches("\\{\"address\":\"0x00000000000000000000000000000000000000aa\","
        + "\"accountProof\":\\[(\"0x[0-9a-f]+\",?)+\\],\"balance\":\"0x64\",\"codeHash\":\"0x[0-9a-f]{64}\","
        + "\"nonce\":\"0x1\",\"storageHash\":\"0x[0-9a-f]{64}\",\"storageProof\":\\["
        + "\\{\"key\":\"0x0{63}7\",\"value\":\"0x1234\",\"proof\":\\[(\"0x[0-9a-f]+\",?)+\\]\\},"
        + "\\{\"key\":\"0x0{63}8\",\"value\":\"0x0\",\"proof\":\\[(\"0x[0-9a-f]+\",?)+\\]\\}\\]\\}"), json);
  }

  @Test
  void absentAccountHasAnExclusionProof() {
    AccountProof proof = StateProofs.prove(database, root, ABSENT, List.of(SLOT));
    assertFalse(proof.accountProof().isEmpty());
    assertEquals(Hash.ZERO, proof.codeHash());
    assertEquals(Hash.ZERO, proof.storageHash());
    assertEquals(List.of(), proof.storageProof().get(0).proof());
    assertTrue(AccountProofVerifier.verify(proof, root, TrieHashFunction.keccak256()).valid());
    AccountProof claimsMoney = new AccountProof(ABSENT, proof.accountProof(), UInt256.ONE, Hash.ZERO, 0,
        Hash.ZERO, proof.storageProof());
    assertEquals("balance", AccountProofVerifier.verify(claimsMoney, root, TrieHashFunction.keccak256()).field());
  }

  @Test
  void tamperedNodeIsNamed() {
    AccountProof proof = proveA();
    for (int index = 0; index < proof.accountProof().size(); index++) {
      List<byte[]> nodes = new ArrayList<>(proof.accountProof());
      byte[] node = nodes.get(index).clone();
      node[node.length - 1] ^= 1;
      nodes.set(index, node);
      ProofVerification verdict = AccountProofVerifier.verify(withAccountProof(proof, nodes), root,
          TrieHashFunction.keccak256());
      assertFalse(verdict.valid());
      assertEquals("accountProof[" + index + "]", verdict.field(), verdict.toString());
      assertTrue(verdict.problem().contains("hash mismatch"), verdict.toString());
    }
  }

  @Test
  void truncatedAndPaddedProofsAreRejected() {
    AccountProof proof = proveA();
    List<byte[]> nodes = proof.accountProof();
    ProofVerification truncated = AccountProofVerifier.verify(
        withAccountProof(proof, nodes.subList(0, nodes.size() - 1)), root, TrieHashFunction.keccak256());
    assertEquals("accountProof[" + (nodes.size() - 1) + "]", truncated.field(), truncated.toString());
    List<byte[]> padded = new ArrayList<>(nodes);
    padded.add(nodes.get(0));
    ProofVerification leftover = AccountProofVerifier.verify(withAccountProof(proof, padded), root,
        TrieHashFunction.keccak256());
    assertEquals("accountProof[" + nodes.size() + "]", leftover.field(), leftover.toString());
  }

  @Test
  void tamperedFieldsAreNamed() {
    AccountProof proof = proveA();
    assertEquals("balance", verifyField(new AccountProof(A, proof.accountProof(), UInt256.fromLong(101),
        proof.codeHash(), proof.nonce(), proof.storageHash(), proof.storageProof())));
    assertEquals("nonce", verifyField(new AccountProof(A, proof.accountProof(), proof.balance(),
        proof.codeHash(), 2, proof.storageHash(), proof.storageProof())));
    assertEquals("codeHash", verifyField(new AccountProof(A, proof.accountProof(), proof.balance(),
        Hash.ZERO, proof.nonce(), proof.storageHash(), proof.storageProof())));
    assertEquals("storageHash", verifyField(new AccountProof(A, proof.accountProof(), proof.balance(),
        proof.codeHash(), proof.nonce(), Hash.ZERO, proof.storageProof())));
    StorageProof present = proof.storageProof().get(0);
    StorageProof absent = proof.storageProof().get(1);
    assertEquals("storageProof[0].value", verifyField(withSlots(proof,
        new StorageProof(SLOT, UInt256.fromLong(0x1235), present.proof()), absent)));
    assertEquals("storageProof[1].value", verifyField(withSlots(proof,
        present, new StorageProof(NO_SLOT, UInt256.ONE, absent.proof()))));
    List<byte[]> nodes = new ArrayList<>(present.proof());
    byte[] leaf = nodes.get(nodes.size() - 1).clone();
    leaf[leaf.length - 1] ^= 1;
    nodes.set(nodes.size() - 1, leaf);
    assertEquals("storageProof[0].proof[" + (nodes.size() - 1) + "]", verifyField(withSlots(proof,
        new StorageProof(SLOT, present.value(), nodes), absent)));
    // A proof of another address does not prove this one.
    AccountProof other = StateProofs.prove(database, root, B, List.of());
    assertFalse(AccountProofVerifier.verify(withAccountProof(proof, other.accountProof()), root,
        TrieHashFunction.keccak256()).valid());
  }

  private String verifyField(AccountProof proof) {
    ProofVerification verdict = AccountProofVerifier.verify(proof, root, TrieHashFunction.keccak256());
    assertFalse(verdict.valid());
    return verdict.field();
  }

  private static AccountProof withAccountProof(AccountProof proof, List<byte[]> nodes) {
    return new AccountProof(proof.address(), nodes, proof.balance(), proof.codeHash(), proof.nonce(),
        proof.storageHash(), proof.storageProof());
  }

  private static AccountProof withSlots(AccountProof proof, StorageProof... slots) {
    return new AccountProof(proof.address(), proof.accountProof(), proof.balance(), proof.codeHash(),
        proof.nonce(), proof.storageHash(), List.of(slots));
  }
}
