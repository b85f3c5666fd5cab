package org.xinlian.ledger.proof;

import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.SecureTrie;
import org.xinlian.trie.TrieHashFunction;

/**
 * Checks an {@link AccountProof} against a state root with no store (STATE-14): what a light
 * client does with an answer from an untrusted node. Every account field and every slot value
 * must be exactly what the proven trie holds, and an absent account or slot must be proven absent.
 * The hash must be the chain's trie hash ({@link StateHashing#trieHash}): Keccak-256 on standard
 * chains, SM3 on gm chains (docs/adr/0004).
 */
public final class AccountProofVerifier {
  /** Most storage proofs checked in one answer, as {@link StateProofs#STORAGE_KEYS_MAX}. */
  public static final int STORAGE_PROOFS_MAX = StateProofs.STORAGE_KEYS_MAX;

  private AccountProofVerifier() {}

  /** As {@link #verify(AccountProof, Hash, TrieHashFunction)} with the trie hash of {@code suite}. */
  public static ProofVerification verify(AccountProof proof, Hash stateRoot, CryptoSuite suite) {
    return verify(proof, stateRoot, StateHashing.trieHash(suite));
  }

  public static ProofVerification verify(AccountProof proof, Hash stateRoot, TrieHashFunction hashFunction) {
    if (proof == null || stateRoot == null || hashFunction == null) {
      return ProofVerification.failed("proof", "missing proof, state root or hash function");
    }
    if (proof.storageProof().size() > STORAGE_PROOFS_MAX) {
      return ProofVerification.failed("storageProof",
          proof.storageProof().size() + " entries exceed " + STORAGE_PROOFS_MAX);
    }
    Optional<byte[]> accountValue;
    Optional<StateAccount> account;
    try {
      accountValue = SecureTrie.verifyProof(
          stateRoot, proof.address().toArray(), proof.accountProof(), hashFunction);
      account = accountValue.map(value -> StateAccount.decode(value, "account"));
    } catch (DecodingException e) {
      return failure("accountProof", e);
    }
    Hash emptyRoot = MerklePatriciaTrie.emptyRoot(hashFunction);
    Hash storageRoot;
    if (account.isPresent()) {
      StateAccount proven = account.get();
      Optional<ProofVerification> mismatch = compareFields(proof, proven);
      if (mismatch.isPresent()) {
        return mismatch.get();
      }
      storageRoot = proven.storageRoot();
    } else {
      Optional<ProofVerification> mismatch = checkAbsentFields(proof, emptyRoot);
      if (mismatch.isPresent()) {
        return mismatch.get();
      }
      storageRoot = emptyRoot;
    }
    for (int index = 0; index < proof.storageProof().size(); index++) {
      Optional<ProofVerification> failed =
          verifySlot(proof.storageProof().get(index), "storageProof[" + index + "]", storageRoot, hashFunction);
      if (failed.isPresent()) {
        return failed.get();
      }
    }
    return ProofVerification.ok();
  }

  private static Optional<ProofVerification> compareFields(AccountProof proof, StateAccount proven) {
    if (proven.nonce() != proof.nonce()) {
      return mismatch("nonce", Long.toUnsignedString(proven.nonce()), Long.toUnsignedString(proof.nonce()));
    }
    if (!proven.balance().equals(proof.balance())) {
      return mismatch("balance", proven.balance().toHexString(), proof.balance().toHexString());
    }
    if (!proven.storageRoot().equals(proof.storageHash())) {
      return mismatch("storageHash", proven.storageRoot().toHexString(), proof.storageHash().toHexString());
    }
    if (!proven.codeHash().equals(proof.codeHash())) {
      return mismatch("codeHash", proven.codeHash().toHexString(), proof.codeHash().toHexString());
    }
    return Optional.empty();
  }

  /** An absent account has zero fields; clients differ on zero versus empty hashes, so both pass. */
  private static Optional<ProofVerification> checkAbsentFields(AccountProof proof, Hash emptyRoot) {
    String absent = "the account is proven absent, so it must be ";
    if (proof.nonce() != 0) {
      return Optional.of(ProofVerification.failed("nonce", absent + "0, not " + Long.toUnsignedString(proof.nonce())));
    }
    if (!proof.balance().isZero()) {
      return Optional.of(ProofVerification.failed("balance", absent + "0, not " + proof.balance().toHexString()));
    }
    if (!proof.codeHash().equals(Hash.ZERO) && !proof.codeHash().equals(JournaledWorldState.EMPTY_CODE_HASH)) {
      return Optional.of(ProofVerification.failed("codeHash",
          absent + "zero or the empty-code hash, not " + proof.codeHash().toHexString()));
    }
    if (!proof.storageHash().equals(Hash.ZERO) && !proof.storageHash().equals(emptyRoot)) {
      return Optional.of(ProofVerification.failed("storageHash",
          absent + "zero or the empty root, not " + proof.storageHash().toHexString()));
    }
    return Optional.empty();
  }

  private static Optional<ProofVerification> verifySlot(
      StorageProof slot, String field, Hash storageRoot, TrieHashFunction hashFunction) {
    UInt256 proven;
    try {
      proven = SecureTrie.verifyProof(storageRoot, slot.key().toBytes(), slot.proof(), hashFunction)
          .map(value -> StateAccount.decodeStorageValue(value, "value"))
          .orElse(UInt256.ZERO);
    } catch (DecodingException e) {
      return Optional.of(failure(field + ".proof", e));
    }
    if (!proven.equals(slot.value())) {
      return mismatch(field + ".value", proven.toHexString(), slot.value().toHexString());
    }
    return Optional.empty();
  }

  private static Optional<ProofVerification> mismatch(String field, String proven, String answered) {
    return Optional.of(ProofVerification.failed(
        field, "the proof holds " + proven + " but the answer says " + answered));
  }

  /** Renames the trie verifier's {@code proof[i]} to the answer's field, e.g. {@code accountProof[i]}. */
  private static ProofVerification failure(String proofField, DecodingException e) {
    String field = e.field();
    String problem = e.getMessage().startsWith(field + ": ")
        ? e.getMessage().substring(field.length() + 2)
        : e.getMessage();
    String renamed = field.startsWith("proof") ? proofField + field.substring("proof".length())
        : field.equals("account") || field.startsWith("account.") || field.equals("value")
            ? proofField + " leaf " + field
            : proofField + "." + field;
    return ProofVerification.failed(renamed, problem);
  }
}
