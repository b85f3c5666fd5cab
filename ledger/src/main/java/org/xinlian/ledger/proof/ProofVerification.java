package org.xinlian.ledger.proof;

/**
 * The verdict on an {@link AccountProof}: valid, or the one field that failed and why, so an RPC
 * consumer can report e.g. {@code accountProof[2]: hash mismatch ...} or {@code balance: the proof
 * says 0x5 but the answer says 0x6}.
 *
 * @param valid whether every node and every field checked out
 * @param field the failing field ({@code accountProof[i]}, {@code storageProof[j].proof[i]},
 *     {@code balance}, ...), empty when valid
 * @param problem what is wrong with it, empty when valid
 */
public record ProofVerification(boolean valid, String field, String problem) {
  private static final ProofVerification VALID = new ProofVerification(true, "", "");

  public static ProofVerification ok() {
    return VALID;
  }

  public static ProofVerification failed(String field, String problem) {
    return new ProofVerification(false, field, problem);
  }

  @Override
  public String toString() {
    return valid ? "valid" : field + ": " + problem;
  }
}
