package org.xinlian.crypto.gm;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.internal.EcCurve;

/**
 * SM2 public-key encryption (GB/T 32918.4) in the C1 || C3 || C2 order of the 2012 standard. The
 * chain does not encrypt with SM2 today (SM4-GCM protects data); this class pins the known answer
 * of the published example so that a later envelope or key-exchange feature starts from a checked
 * primitive. The caller passes the randomness explicitly.
 */
final class Sm2Encryption {
  private final EcCurve curve = EcCurve.named(EcCurve.SM2P256V1);

  byte[] encrypt(PublicKey key, byte[] plaintext, SecureRandom random) {
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(
        true,
        new ParametersWithRandom(
            new ECPublicKeyParameters(curve.point("publicKey", key), curve.domain()), random));
    try {
      return engine.processBlock(plaintext, 0, plaintext.length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption cannot fail on valid input", e);
    }
  }

  /** Rejects a ciphertext that is malformed or whose C3 hash does not match. */
  byte[] decrypt(PrivateKey key, byte[] ciphertext) {
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(
        false,
        new ECPrivateKeyParameters(curve.privateScalar("privateKey", key.bytes()), curve.domain()));
    try {
      return engine.processBlock(ciphertext, 0, ciphertext.length);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new DecodingException("ciphertext", "SM2 decryption failed: " + e.getMessage(), e);
    }
  }
}
