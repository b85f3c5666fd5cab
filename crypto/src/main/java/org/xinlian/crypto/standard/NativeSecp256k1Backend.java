package org.xinlian.crypto.standard;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.util.BigIntegers;

/**
 * bitcoin-core's libsecp256k1 through ACINQ's JNI binding (secp256k1-kmp): several times faster
 * than BouncyCastle for recovery, which bounds how many transactions a node admits per second.
 *
 * <p>libsecp256k1's verification accepts only low s (its documented malleability rule), so high s
 * is mapped to n - s first: (r, s) and (r, n - s) verify under exactly the same keys in X9.62
 * ECDSA. Its recoverable-signature API accepts high s and recovery ids 0..3 (x = r + n) as SEC 1
 * does, so recovery passes the signature through unchanged.
 */
final class NativeSecp256k1Backend implements Secp256k1Backend {
  static final String NAME = "native";

  private static final int COMPACT_SIGNATURE_LENGTH = 2 * Secp256k1.SCALAR_LENGTH;
  private static final int UNCOMPRESSED_KEY_LENGTH = 65;
  private static final byte UNCOMPRESSED_PREFIX = 0x04;

  /** ACINQ's interface; its simple name clashes with this package's BouncyCastle arithmetic. */
  private final fr.acinq.secp256k1.Secp256k1 library;

  private NativeSecp256k1Backend(fr.acinq.secp256k1.Secp256k1 library) {
    this.library = library;
  }

  /** The backend, or empty when no bundled library fits this platform or it fails to load. */
  static Optional<Secp256k1Backend> load() {
    return Optional.ofNullable(Loaded.LIBRARY).map(NativeSecp256k1Backend::new);
  }

  /**
   * Loads (extracts and links) the shared library once per class loader: linking twice fails, and
   * the attempt costs a temporary file. Holds the library or null; never changes afterwards.
   */
  private static final class Loaded {
    static final fr.acinq.secp256k1.Secp256k1 LIBRARY = tryLoad();

    private static fr.acinq.secp256k1.Secp256k1 tryLoad() {
      try {
        // The binding's own entry point: it picks the JVM loader, which extracts the library that
        // fits os.name/os.arch. Calling that loader directly re-enters it and yields null.
        return fr.acinq.secp256k1.Secp256k1.get();
      } catch (RuntimeException | LinkageError e) {
        // Unsupported platform or no writable temporary directory: BouncyCastle does the work.
        return null;
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean verify(byte[] rawPublicKey, byte[] digest, BigInteger r, BigInteger s) {
    BigInteger lowS = s.compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(s) : s;
    byte[] publicKey = new byte[UNCOMPRESSED_KEY_LENGTH];
    publicKey[0] = UNCOMPRESSED_PREFIX;
    System.arraycopy(rawPublicKey, 0, publicKey, 1, rawPublicKey.length);
    try {
      return library.verify(compact(r, lowS), digest, publicKey);
    } catch (RuntimeException e) {
      // libsecp256k1 refuses to parse a key off the curve (Secp256k1Exception): nothing verifies.
      return false;
    }
  }

  @Override
  public byte[] recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    byte[] uncompressed;
    try {
      uncompressed = library.ecdsaRecover(compact(r, s), digest, recoveryId);
    } catch (RuntimeException e) {
      // Secp256k1Exception: x not below p, not on the curve, or the key would be infinity.
      return null;
    }
    return Arrays.copyOfRange(uncompressed, 1, UNCOMPRESSED_KEY_LENGTH);
  }

  private static byte[] compact(BigInteger r, BigInteger s) {
    byte[] out = new byte[COMPACT_SIGNATURE_LENGTH];
    BigIntegers.asUnsignedByteArray(r, out, 0, Secp256k1.SCALAR_LENGTH);
    BigIntegers.asUnsignedByteArray(s, out, Secp256k1.SCALAR_LENGTH, Secp256k1.SCALAR_LENGTH);
    return out;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
