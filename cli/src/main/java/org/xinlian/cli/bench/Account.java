package org.xinlian.cli.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Keccak256;

/** A key the benchmark signs with, and its address. */
public record Account(KeyPair keys, Address address) {

  public static Account of(CryptoSuite suite, byte[] privateKey) {
    KeyPair keys = suite.keyPairFromPrivateKey(privateKey);
    return new Account(keys, suite.address(keys.publicKey()));
  }

  /**
   * Sender {@code index}: private key Keccak-256(seed ‖ index as 4 big-endian bytes), so the same
   * seed gives the same senders on every run and every machine. (A Keccak output is below the
   * secp256k1 order except with negligible probability; the suite rejects it otherwise.)
   */
  public static Account derived(CryptoSuite suite, String seed, int index) {
    byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
    byte[] material = ByteBuffer.allocate(seedBytes.length + 4).put(seedBytes).putInt(index).array();
    return of(suite, Keccak256.hash(material));
  }
}
