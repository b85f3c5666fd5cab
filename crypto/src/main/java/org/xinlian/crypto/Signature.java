package org.xinlian.crypto;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An (r, s) signature with what identifies its signer: a recovery id on standard chains, the
 * signer's public key on gm chains (exactly one of the two).
 *
 * @param r the r scalar, in {@code [1, 2^256)}
 * @param s the s scalar, in {@code [1, 2^256)}
 * @param recoveryId 0 to 3 for recoverable signatures, {@link #NO_RECOVERY_ID} otherwise
 * @param signerKey the signer's key for {@link SignerIdentification#EMBEDDED_PUBLIC_KEY}, else null
 */
public record Signature(BigInteger r, BigInteger s, int recoveryId, PublicKey signerKey) {
  public static final int NO_RECOVERY_ID = -1;
  private static final BigInteger TWO_POW_256 = BigInteger.ONE.shiftLeft(256);

  public Signature {
    requireScalar("r", r);
    requireScalar("s", s);
    if (recoveryId < NO_RECOVERY_ID || recoveryId > 3) {
      throw new IllegalArgumentException("signature.recoveryId: must be 0..3, got " + recoveryId);
    }
    if ((recoveryId == NO_RECOVERY_ID) == (signerKey == null)) {
      throw new IllegalArgumentException(
          "signature: exactly one of a recovery id or a signer key must be present");
    }
  }

  /** A recoverable (secp256k1) signature. */
  public static Signature recoverable(BigInteger r, BigInteger s, int recoveryId) {
    if (recoveryId < 0) {
      throw new IllegalArgumentException("signature.recoveryId: must be 0..3, got " + recoveryId);
    }
    return new Signature(r, s, recoveryId, null);
  }

  /** A signature that carries its signer's public key (SM2). */
  public static Signature withSignerKey(BigInteger r, BigInteger s, PublicKey signerKey) {
    return new Signature(r, s, NO_RECOVERY_ID, java.util.Objects.requireNonNull(signerKey));
  }

  /** The embedded signer key, if this is an {@link SignerIdentification#EMBEDDED_PUBLIC_KEY} form. */
  public Optional<PublicKey> embeddedSignerKey() {
    return Optional.ofNullable(signerKey);
  }

  private static void requireScalar(String name, BigInteger value) {
    if (value == null || value.signum() <= 0 || value.compareTo(TWO_POW_256) >= 0) {
      throw new IllegalArgumentException("signature." + name + ": must be in [1, 2^256)");
    }
  }
}
