package org.xinlian.types.transaction;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;

/** Sample transactions and jqwik generators shared by the transaction tests. */
final class TransactionFixtures {
  static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  static final Address RECIPIENT = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");

  private TransactionFixtures() {}

  static KeyPair key(CryptoSuite suite, int seed) {
    byte[] scalar = new byte[32];
    scalar[31] = (byte) seed;
    scalar[0] = 0x11;
    return suite.keyPairFromPrivateKey(scalar);
  }

  static UnsignedTransaction.Legacy legacy(OptionalLong chainId) {
    return new UnsignedTransaction.Legacy(
        7, BigInteger.valueOf(20_000_000_000L), 21_000, Optional.of(RECIPIENT),
        BigInteger.TEN.pow(18), new byte[0], chainId);
  }

  static UnsignedTransaction.AccessList accessList() {
    return new UnsignedTransaction.AccessList(
        1, 0, BigInteger.ONE, 100_000, Optional.of(RECIPIENT), BigInteger.ZERO,
        Hex.decode("0xa9059cbb00"),
        List.of(new AccessListEntry(RECIPIENT, List.of(Hash.ZERO, Hash.fromHex("01".repeat(32))))));
  }

  static UnsignedTransaction.DynamicFee creation() {
    return new UnsignedTransaction.DynamicFee(
        1, 3, BigInteger.TWO, BigInteger.TEN.pow(10), 1_000_000, Optional.empty(),
        BigInteger.ZERO, Hex.decode("0x6080604052"), List.of());
  }

  static Arbitrary<UnsignedTransaction> unsignedTransactions() {
    Arbitrary<Long> u64 = Arbitraries.longs();
    Arbitrary<BigInteger> u256 =
        Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, UINT256_MAX),
            Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)));
    Arbitrary<Long> chainId = Arbitraries.longs().between(0, UnsignedTransaction.CHAIN_ID_MAX);
    Arbitrary<Optional<Address>> to =
        Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap).optional();
    Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
    Arbitrary<List<AccessListEntry>> accessList =
        Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap).list()
                    .ofMaxSize(3))
            .as(AccessListEntry::new)
            .list()
            .ofMaxSize(3);
    Arbitrary<UnsignedTransaction> legacy =
        Combinators.combine(u64, u256, u64, to, u256, data, chainId.optional())
            .as((n, p, g, t, v, d, c) -> new UnsignedTransaction.Legacy(
                n, p, g, t, v, d, c.map(OptionalLong::of).orElse(OptionalLong.empty())));
    Arbitrary<UnsignedTransaction> type1 =
        Combinators.combine(chainId, u64, u256, u64, to, u256, data, accessList)
            .as(UnsignedTransaction.AccessList::new);
    Arbitrary<UnsignedTransaction> type2 =
        Combinators.combine(
                Combinators.combine(chainId, u64, u256, u256).as(List::of),
                u64, to, u256, data, accessList)
            .as((head, g, t, v, d, a) -> new UnsignedTransaction.DynamicFee(
                (Long) head.get(0), (Long) head.get(1), (BigInteger) head.get(2),
                (BigInteger) head.get(3), g, t, v, d, a));
    return Arbitraries.oneOf(legacy, type1, type2);
  }
}
