package org.xinlian.crypto;

import java.util.Objects;

/** A node key held in memory, signing with the suite's own implementation. */
record InMemoryNodeSigner(CryptoSuite suite, KeyPair key) implements NodeSigner {
  InMemoryNodeSigner {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(key, "key");
    if (!key.privateKey().suite().equals(suite.name())) {
      throw new IllegalArgumentException("nodeSigner: a " + key.privateKey().suite()
          + " key cannot sign on the " + suite.name() + " suite");
    }
  }

  @Override
  public PublicKey publicKey() {
    return key.publicKey();
  }

  @Override
  public Signature sign(byte[] digest) {
    return suite.sign(key.privateKey(), digest);
  }

  @Override
  public String toString() {
    return "NodeSigner[in memory, " + suite.name() + "]";
  }
}
