/**
 * Merkle proofs of accounts and storage slots in the {@code eth_getProof} format: generated from a
 * state root by {@link org.xinlian.ledger.proof.StateProofs}, parsed from and written to geth's
 * JSON by {@link org.xinlian.ledger.proof.ProofJson}, and checked without any store by
 * {@link org.xinlian.ledger.proof.AccountProofVerifier}.
 */
package org.xinlian.ledger.proof;
