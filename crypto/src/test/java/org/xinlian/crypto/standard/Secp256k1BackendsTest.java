package org.xinlian.crypto.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Secp256k1BackendsTest {
  @Test
  void namesSelectTheirBackend() {
    assertEquals("native", Secp256k1Backends.byName("native").name());
    assertEquals("bouncycastle", Secp256k1Backends.byName(" BouncyCastle ").name());
  }

  /** The bundled library covers the platforms CI runs on, so auto must pick it there. */
  @Test
  void autoPrefersTheNativeLibraryWhereItLoads() {
    assertTrue(NativeSecp256k1Backend.load().isPresent(), "libsecp256k1 did not load");
    assertEquals("native", Secp256k1Backends.byName("auto").name());
    assertEquals("native", new StandardSuite().secp256k1Backend());
  }

  @Test
  void anUnknownNameIsRejectedWithTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Secp256k1Backends.byName("openssl"));
    assertTrue(e.getMessage().contains("xinlian.secp256k1"), e.getMessage());
    assertTrue(e.getMessage().contains("auto, native or bouncycastle"), e.getMessage());
  }
}
