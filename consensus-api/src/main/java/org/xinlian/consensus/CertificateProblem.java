package org.xinlian.consensus;

/** Why a commit certificate does not prove its block final (docs/spec/consensus.md CONSENSUS-7). */
public enum CertificateProblem {
  /** The certificate is for another height than the block it is attached to. */
  WRONG_HEIGHT,
  /** The certificate is for another block hash than the block it is attached to. */
  WRONG_HASH,
  /** A signature does not verify, or no key can be recovered from it. */
  BAD_SIGNATURE,
  /** A signature verifies but its signer is not a validator of the height. */
  UNKNOWN_SIGNER,
  /** One validator signed twice, which would count its power twice. */
  DUPLICATE_SIGNER,
  /** The signers hold two thirds of the power or less. */
  INSUFFICIENT_POWER
}
