package org.xinlian.crypto.hd;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.internal.EcCurve;

/**
 * A BIP-32 extended private key on secp256k1: a private key with its chain code, the node of a
 * key tree from which children are derived (CRYPTO-29, CRYPTO-30). Keys are those of the standard
 * suite. Immutable; it never prints its key or chain code.
 */
public final class ExtendedPrivateKey {
  /** BIP-32 allows seeds from 128 bits ... */
  public static final int SEED_BYTES_MIN = 16;

  /** ... to 512 bits, the length of a BIP-39 seed. */
  public static final int SEED_BYTES_MAX = 64;

  public static final int CHAIN_CODE_BYTES = 32;

  private static final int KEY_BYTES = 32;
  private static final int COMPRESSED_KEY_BYTES = 33;
  private static final String HMAC_ALGORITHM = "HmacSHA512";

  /** The HMAC key of the master key generation (BIP-32). */
  private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

  /** The secp256k1 group order n. */
  static final BigInteger ORDER = EcCurve.named("secp256k1").order();

  private static final CryptoSuite SUITE = CryptoSuites.standard();

  private final KeyPair keyPair;
  private final byte[] chainCode;
  private final int depth;
  private final int childNumber;

  private ExtendedPrivateKey(KeyPair keyPair, byte[] chainCode, int depth, int childNumber) {
    this.keyPair = keyPair;
    this.chainCode = chainCode;
    this.depth = depth;
    this.childNumber = childNumber;
  }

  /**
   * The master key of a seed: HMAC-SHA512 keyed with {@code "Bitcoin seed"}; the left half is the
   * key, the right half the chain code.
   *
   * @throws DecodingException (field {@code seed}) when the seed is not 16 to 64 bytes
   * @throws CryptoException when the left half is zero or not below n (probability below 2^-127;
   *     BIP-32 says such a seed is invalid)
   */
  public static ExtendedPrivateKey fromSeed(byte[] seed) {
    if (seed == null || seed.length < SEED_BYTES_MIN || seed.length > SEED_BYTES_MAX) {
      throw new DecodingException(
          "seed",
          "expected " + SEED_BYTES_MIN + " to " + SEED_BYTES_MAX + " bytes but got "
              + (seed == null ? "none" : seed.length));
    }
    byte[] hmac = hmacSha512(MASTER_HMAC_KEY, seed);
    BigInteger scalar = new BigInteger(1, hmac, 0, KEY_BYTES);
    if (scalar.signum() == 0 || scalar.compareTo(ORDER) >= 0) {
      throw new CryptoException(
          "seed: the master key it gives is zero or not below the secp256k1 order; BIP-32 calls"
              + " such a seed invalid, use another one");
    }
    return new ExtendedPrivateKey(
        keyPair(scalar), Arrays.copyOfRange(hmac, KEY_BYTES, 2 * KEY_BYTES), 0, 0);
  }

  /**
   * The child with this raw 32-bit child number (CKDpriv): hardened when the top bit is set, see
   * {@link DerivationPath#hardened(int)}.
   *
   * @throws IllegalStateException when this key is already {@link DerivationPath#DEPTH_MAX} deep
   * @throws CryptoException in the case BIP-32 calls invalid (I_L ≥ n or a zero child key,
   *     probability below 2^-127): the message says to use the next child number
   */
  public ExtendedPrivateKey child(int childNumber) {
    if (depth >= DerivationPath.DEPTH_MAX) {
      throw new IllegalStateException(
          "extendedPrivateKey: already " + DerivationPath.DEPTH_MAX + " levels deep");
    }
    byte[] data = new byte[COMPRESSED_KEY_BYTES + Integer.BYTES];
    if (DerivationPath.isHardened(childNumber)) {
      // 0x00 || ser256(k_par): the private key, so the child cannot be found from the public side.
      System.arraycopy(keyPair.privateKey().bytes(), 0, data, 1, KEY_BYTES);
    } else {
      System.arraycopy(compressedPublicKey(), 0, data, 0, COMPRESSED_KEY_BYTES);
    }
    data[COMPRESSED_KEY_BYTES] = (byte) (childNumber >>> 24);
    data[COMPRESSED_KEY_BYTES + 1] = (byte) (childNumber >>> 16);
    data[COMPRESSED_KEY_BYTES + 2] = (byte) (childNumber >>> 8);
    data[COMPRESSED_KEY_BYTES + 3] = (byte) childNumber;
    byte[] hmac = hmacSha512(chainCode, data);
    Arrays.fill(data, (byte) 0);
    BigInteger childScalar =
        childScalar(new BigInteger(1, keyPair.privateKey().bytes()), hmac, childNumber);
    return new ExtendedPrivateKey(
        keyPair(childScalar),
        Arrays.copyOfRange(hmac, KEY_BYTES, 2 * KEY_BYTES),
        depth + 1,
        childNumber);
  }

  /**
   * k_i = parse256(I_L) + k_par (mod n), refused as BIP-32 prescribes when I_L ≥ n or k_i = 0.
   * Package-private so that tests can reach the cases no real HMAC output produces.
   */
  static BigInteger childScalar(BigInteger parentScalar, byte[] hmac, int childNumber) {
    BigInteger left = new BigInteger(1, hmac, 0, KEY_BYTES);
    if (left.compareTo(ORDER) >= 0) {
      throw new CryptoException(invalidChild(childNumber, "I_L is not below the secp256k1 order"));
    }
    BigInteger scalar = left.add(parentScalar).mod(ORDER);
    if (scalar.signum() == 0) {
      throw new CryptoException(invalidChild(childNumber, "the child key is zero"));
    }
    return scalar;
  }

  private static String invalidChild(int childNumber, String reason) {
    return "child " + (childNumber & DerivationPath.INDEX_MAX)
        + (DerivationPath.isHardened(childNumber) ? "'" : "")
        + ": " + reason + "; BIP-32 calls this child invalid, use the next child number";
  }

  /**
   * The key at {@code path} below this one; from a master key that is the path as written.
   *
   * @throws IllegalStateException when the result would be more than {@link
   *     DerivationPath#DEPTH_MAX} levels deep
   */
  public ExtendedPrivateKey derive(DerivationPath path) {
    if (depth + path.depth() > DerivationPath.DEPTH_MAX) {
      throw new IllegalStateException(
          "extendedPrivateKey: deriving " + path + " from depth " + depth + " exceeds "
              + DerivationPath.DEPTH_MAX + " levels");
    }
    ExtendedPrivateKey key = this;
    for (int childNumber : path.childNumbers()) {
      key = key.child(childNumber);
    }
    return key;
  }

  /** The key pair of this node, in the standard suite. */
  public KeyPair keyPair() {
    return keyPair;
  }

  public PrivateKey privateKey() {
    return keyPair.privateKey();
  }

  /** A copy of the 32-byte chain code. */
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** 0 for the master key, then one more per level. */
  public int depth() {
    return depth;
  }

  /** The raw child number this key was derived with (0 for the master key). */
  public int childNumber() {
    return childNumber;
  }

  /** SEC 1 compressed form of the public key, {@code serP} in BIP-32. */
  public byte[] compressedPublicKey() {
    byte[] raw = keyPair.publicKey().bytes();
    byte[] compressed = new byte[COMPRESSED_KEY_BYTES];
    compressed[0] = (byte) ((raw[raw.length - 1] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(raw, 0, compressed, 1, KEY_BYTES);
    return compressed;
  }

  @Override
  public String toString() {
    return "ExtendedPrivateKey[depth " + depth + ", redacted]";
  }

  private static KeyPair keyPair(BigInteger scalar) {
    byte[] bytes = EcCurve.scalarBytes(scalar);
    try {
      return SUITE.keyPairFromPrivateKey(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static byte[] hmacSha512(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC_ALGORITHM);
      mac.init(new SecretKeySpec(key, HMAC_ALGORITHM));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("extendedPrivateKey: " + HMAC_ALGORITHM + " is not available", e);
    }
  }
}
