package org.xinlian.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FixedBytesTest {
  @Test
  void addressParsesWithAndWithoutPrefixAndPrintsLowerCase() {
    Address address = Address.fromHex("0x095E7BAEA6A6C7C4C2DFEB977EFAC326AF552D87");
    assertEquals("0x095e7baea6a6c7c4c2dfeb977efac326af552d87", address.toString());
    assertEquals(address, Address.fromHex("095e7baea6a6c7c4c2dfeb977efac326af552d87"));
  }

  @Test
  void wrongLengthsAndCharactersNameTheField() {
    DecodingException shortAddress =
        assertThrows(DecodingException.class, () -> Address.fromHex("0x1234"));
    assertEquals("address", shortAddress.field());
    assertEquals("address: expected 20 bytes but got 2", shortAddress.getMessage());
    DecodingException odd = assertThrows(DecodingException.class, () -> Hash.fromHex("0x123"));
    assertEquals("hash: odd number of hex digits (3)", odd.getMessage());
    DecodingException bad = assertThrows(DecodingException.class, () -> Hex.decode("data", "0xzz"));
    assertEquals("data: invalid hex character 'z' at position 2", bad.getMessage());
  }

  @Test
  void valuesAreImmutable() {
    byte[] raw = new byte[32];
    Hash hash = Hash.wrap(raw);
    raw[0] = 1;
    assertEquals(Hash.ZERO, hash);
    hash.toArray()[0] = 1;
    assertEquals(Hash.ZERO, hash);
    assertNotEquals(Hash.ZERO, Hash.wrap(raw));
  }

  @Test
  void invariantViolationsCarryTheMessage() {
    InvariantViolation violation =
        assertThrows(InvariantViolation.class, () -> Invariants.check(false, "height %d < %d", 3, 4));
    assertEquals("height 3 < 4", violation.getMessage());
    Invariants.check(true, "never thrown");
  }

  @Property
  void hexRoundTrips(@ForAll byte[] bytes) {
    assertArrayEquals(bytes, Hex.decode(Hex.encode(bytes)));
  }

  @Property
  void hexDecodingOnlyThrowsDecodingException(@ForAll String text) {
    try {
      Hex.decode("field", text);
    } catch (DecodingException expected) {
      assertEquals("field", expected.field());
    }
  }

  /** Precompile-like addresses differ only in their last byte; they must not share a bucket. */
  @Test
  void addressesThatDifferOnlyAtTheEndHashApart() {
    java.util.Set<Integer> codes = new java.util.HashSet<>();
    for (int i = 1; i <= 64; i++) {
      codes.add(Address.fromHex(String.format("%040x", i)).hashCode());
    }
    assertEquals(64, codes.size());
    assertEquals(Address.fromHex("00".repeat(19) + "07").hashCode(),
        Address.fromHex("00".repeat(19) + "07").hashCode());
  }
}
