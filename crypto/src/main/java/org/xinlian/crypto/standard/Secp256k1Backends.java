package org.xinlian.crypto.standard;

import java.util.Locale;

/**
 * Chooses the secp256k1 backend from the {@code xinlian.secp256k1} system property, read when a
 * suite is created: {@code auto} (the default) takes libsecp256k1 when it loads and BouncyCastle
 * otherwise, silently, because both give the same answers; {@code native} insists on
 * libsecp256k1 and fails if it cannot load, so an operator who asked for speed learns at startup
 * that they did not get it; {@code bouncycastle} never touches native code.
 */
final class Secp256k1Backends {
  static final String PROPERTY = "xinlian.secp256k1";
  static final String AUTO = "auto";

  private Secp256k1Backends() {}

  static Secp256k1Backend fromSystemProperty() {
    return byName(System.getProperty(PROPERTY, AUTO));
  }

  static Secp256k1Backend byName(String name) {
    String normalized = name.trim().toLowerCase(Locale.ROOT);
    switch (normalized) {
      case AUTO:
        return NativeSecp256k1Backend.load().orElseGet(BouncyCastleSecp256k1Backend::new);
      case NativeSecp256k1Backend.NAME:
        return NativeSecp256k1Backend.load()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        PROPERTY + "=native: libsecp256k1 could not be loaded on "
                            + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                            + "; use auto or bouncycastle"));
      case BouncyCastleSecp256k1Backend.NAME:
        return new BouncyCastleSecp256k1Backend();
      default:
        throw new IllegalArgumentException(
            PROPERTY + ": unknown secp256k1 backend '" + name
                + "' (expected auto, native or bouncycastle)");
    }
  }
}
