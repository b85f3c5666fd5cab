package org.xinlian.crypto;

import java.math.BigInteger;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.standard.StandardSuite;

/**
 * secp256k1 public-key recovery with Ethereum's ecrecover rules, independent of the chain's suite.
 *
 * <p>Why outside {@link CryptoSuite}: the EVM's ecrecover precompile (address 0x01) must behave as
 * on Ethereum on every chain, gm chains included, and unlike transaction senders it accepts
 * signatures with high s. Contracts (multisig wallets, permits) depend on it.
 */
public final class EthereumSignatures {
  private static final StandardSuite SECP256K1 = new StandardSuite();

  private EthereumSignatures() {}

  /**
   * The Ethereum address (last 20 bytes of Keccak-256 of the public key) that signed {@code digest},
   * or empty when r or s is not in [1, n-1], the recovery id is not 0..3, or no key recovers.
   */
  public static Optional<Address> recoverAddressAllowingHighS(
      byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    if (digest.length != CryptoSuite.HASH_LENGTH || recoveryId < 0 || recoveryId > 3) {
      return Optional.empty();
    }
    return SECP256K1.recoverAllowingHighS(digest, r, s, recoveryId).map(SECP256K1::address);
  }
}
