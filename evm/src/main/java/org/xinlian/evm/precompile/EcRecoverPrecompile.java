package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.EthereumSignatures;

/**
 * 0x01 ecrecover (Yellow Paper appendix E): 3000 gas; the signer's address left-padded to 32
 * bytes, or empty output (still a successful call) when the signature does not recover. High s is
 * accepted: EIP-2 restricted s only for transactions. Always secp256k1 and Keccak, even on gm chains,
 * because contracts compiled for Ethereum depend on exactly this behaviour.
 */
final class EcRecoverPrecompile implements Precompile {
  private static final BigInteger SECP256K1_ORDER =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  @Override
  public long gas(byte[] input) {
    return 3000;
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    byte[] padded = Arrays.copyOf(input, Math.max(input.length, 128));
    byte[] digest = Arrays.copyOfRange(padded, 0, 32);
    BigInteger v = new BigInteger(1, Arrays.copyOfRange(padded, 32, 64));
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(padded, 64, 96));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(padded, 96, 128));
    boolean validV = v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28));
    if (!validV || !inScalarRange(r) || !inScalarRange(s)) {
      return Optional.of(new byte[0]);
    }
    int recoveryId = v.intValue() - 27;
    return Optional.of(
        EthereumSignatures.recoverAddressAllowingHighS(digest, r, s, recoveryId)
            .map(address -> {
              byte[] out = new byte[32];
              System.arraycopy(address.toArray(), 0, out, 12, Address.LENGTH);
              return out;
            })
            .orElse(new byte[0]));
  }

  private static boolean inScalarRange(BigInteger value) {
    return value.signum() > 0 && value.compareTo(SECP256K1_ORDER) < 0;
  }
}
