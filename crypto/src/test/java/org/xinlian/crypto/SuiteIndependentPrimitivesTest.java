package org.xinlian.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;

class SuiteIndependentPrimitivesTest {
  @Test
  void ripemd160MatchesTheAuthorsTestVectors() {
    // Dobbertin, Bosselaers, Preneel: "RIPEMD-160: A Strengthened Version of RIPEMD", test vectors.
    assertEquals(
        "0x9c1185a5c5e9fc54612808977ee8f548b2258d31", Hex.encode(Ripemd160.hash(new byte[0])));
    assertEquals(
        "0x8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        Hex.encode(Ripemd160.hash("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void ecrecoverAcceptsHighSAsEthereumDoes() {
    // EIP-155's example: key 0x4646..46 signs the hash below with the published r and s.
    byte[] digest =
        Hex.decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    BigInteger r =
        new BigInteger(
            "18515461264373351373200002665853028612451056578545711640558177340181847433846");
    BigInteger s =
        new BigInteger(
            "46948507304638947509940763649030358759909902576025900602547168820602576006531");
    Address signer = Address.fromHex("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");
    assertEquals(signer, EthereumSignatures.recoverAddressAllowingHighS(digest, r, s, 0).get());
    BigInteger n =
        new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    // (r, n - s) with the other parity is the same signature in high-S form.
    assertEquals(
        signer, EthereumSignatures.recoverAddressAllowingHighS(digest, r, n.subtract(s), 1).get());
    assertTrue(EthereumSignatures.recoverAddressAllowingHighS(digest, r, n, 0).isEmpty());
    assertTrue(EthereumSignatures.recoverAddressAllowingHighS(digest, r, s, 4).isEmpty());
  }
}
