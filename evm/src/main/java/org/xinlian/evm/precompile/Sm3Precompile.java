package org.xinlian.evm.precompile;

import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/**
 * 0xf001 SM3 (gm chains only, ADR 0003): KECCAK256 stays Keccak-256 inside the EVM because
 * Solidity's storage layout depends on it, so contracts that must produce or check SM3 digests
 * (for example of data signed off-chain with SM2) reach it here. Priced like 0x02 SHA-256, which
 * does the same shape of work: 60 plus 12 per 32-byte word.
 */
final class Sm3Precompile implements Precompile {
  static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000f001");
  static final long GAS_BASE = 60;
  static final long GAS_PER_WORD = 12;

  private final CryptoSuite suite = CryptoSuites.gm();

  @Override
  public long gas(byte[] input) {
    return GAS_BASE + GAS_PER_WORD * ((input.length + 31L) / 32);
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    return Optional.of(suite.hash(input));
  }
}
