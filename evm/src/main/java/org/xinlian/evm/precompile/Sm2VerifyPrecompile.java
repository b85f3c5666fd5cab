package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * 0xf002 SM2 signature verification (gm chains only, ADR 0003). SM2 keys cannot be recovered
 * from a signature the way ecrecover recovers secp256k1 keys, so the caller passes the key and
 * gets a yes or no: input {@code digest || r || s || x || y} (5 words, 160 bytes), output the
 * word 1 when the signature verifies and empty output otherwise. Empty output rather than a failed
 * call follows RIP-7212's P256VERIFY: a contract checks {@code returndatasize} without losing the
 * call's gas. The check is exactly the gm suite's transaction-signature check: SM2 over the digest
 * as message with the default identity 1234567812345678. 6900 gas flat, EIP-7951's P256VERIFY
 * price: RIP-7212's 3450 bought a verification in less time than the 20 Mgas/s floor allows
 * (ADR 0003, docs/spec/evm.md EVM-15).
 */
final class Sm2VerifyPrecompile implements Precompile {
  static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000f002");
  static final long GAS = 6900;
  static final int INPUT_BYTES = 160;
  private static final int WORD_BYTES = 32;

  private final CryptoSuite suite = CryptoSuites.gm();

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    return Optional.of(verifies(input) ? validWord() : new byte[0]);
  }

  private boolean verifies(byte[] input) {
    if (input.length != INPUT_BYTES) {
      return false;
    }
    byte[] digest = Arrays.copyOfRange(input, 0, WORD_BYTES);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(input, WORD_BYTES, 2 * WORD_BYTES));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(input, 2 * WORD_BYTES, 3 * WORD_BYTES));
    if (r.signum() == 0 || s.signum() == 0) {
      // Signature refuses zero scalars; SM2 rejects them anyway (GB/T 32918.2, 7.1 B1-B2).
      return false;
    }
    PublicKey key;
    try {
      key = suite.publicKeyFromBytes(Arrays.copyOfRange(input, 3 * WORD_BYTES, INPUT_BYTES));
    } catch (DecodingException offCurve) {
      return false;
    }
    return suite.verify(key, digest, Signature.withSignerKey(r, s, key));
  }

  private static byte[] validWord() {
    byte[] word = new byte[WORD_BYTES];
    word[WORD_BYTES - 1] = 1;
    return word;
  }
}
