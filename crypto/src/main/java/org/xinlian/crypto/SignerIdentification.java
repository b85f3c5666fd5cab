package org.xinlian.crypto;

/**
 * How a verifier learns the signer of a transaction or vote.
 *
 * <p>secp256k1 ECDSA lets the verifier recover the public key from the signature and a recovery id,
 * which is why Ethereum transactions carry no sender. SM2 has no standard key recovery, so gm
 * signatures carry the signer's 64-byte public key and a verifier checks the signature against it;
 * the sender is then the address of that key (as FISCO BCOS does). See docs/adr/0002.
 */
public enum SignerIdentification {
  RECOVERED_FROM_SIGNATURE,
  EMBEDDED_PUBLIC_KEY
}
