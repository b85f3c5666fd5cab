package org.xinlian.crypto;

/**
 * What signs with a node's key: consensus votes and proposals and the P2P node-auth handshake
 * (docs/adr/0016-node-keys-hsm-and-revocation.md). The key itself may live in this process ({@link
 * #inMemory}), in a PKCS#11 token ({@code org.xinlian.crypto.pkcs11.Pkcs11Token}) or behind a
 * remote signer; callers see only the public key and signatures the chain's suite verifies.
 */
public interface NodeSigner {
  /** The chain's suite, whose signature form {@link #sign} returns. */
  CryptoSuite suite();

  /** The node's public key: its address and node id derive from it. */
  PublicKey publicKey();

  /**
   * A signature over a 32-byte digest in the suite's form: recoverable with a recovery id and low
   * s on standard chains, carrying the signer's key on gm chains.
   *
   * @throws CryptoException if the key holder cannot sign (a token removed, a signer unreachable)
   */
  Signature sign(byte[] digest);

  /** The signer that holds the key pair in this process's memory. */
  static NodeSigner inMemory(CryptoSuite suite, KeyPair key) {
    return new InMemoryNodeSigner(suite, key);
  }
}
