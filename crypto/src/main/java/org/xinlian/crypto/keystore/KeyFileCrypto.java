package org.xinlian.crypto.keystore;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.xinlian.crypto.CryptoException;

/**
 * The primitives of key files. Package-private so that no BouncyCastle type leaks: the JDK has
 * neither scrypt ({@link Scrypt}) nor SM4, and BouncyCastle's PBKDF2 takes the password as the exact bytes the
 * file format prescribes (the JDK's takes chars and picks the encoding itself).
 */
final class KeyFileCrypto {
  /** Cipher key and initial counter block length of AES-128-CTR and SM4-CTR. */
  static final int BLOCK_BYTES = 16;

  private KeyFileCrypto() {}

  static byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) {
    return Scrypt.derive(password, salt, n, r, p, length);
  }

  /** PBKDF2 with HMAC-SHA256, the only PRF Web3 Secret Storage defines. */
  static byte[] pbkdf2HmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    generator.init(password, salt, iterations);
    return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
  }

  /**
   * AES-128 in counter mode with the whole 16-byte IV as the initial counter block, incremented
   * as one 128-bit big-endian number: what Node's and OpenSSL's {@code aes-128-ctr} do, and so
   * what every Ethereum key file uses. CTR is its own inverse.
   */
  static byte[] aes128Ctr(byte[] key, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("AES-128-CTR unavailable in this JDK", e);
    }
  }

  /**
   * SM4 in counter mode, defined exactly like {@link #aes128Ctr} (GB/T 17964 CTR with a 128-bit
   * big-endian counter), so that {@code openssl enc -sm4-ctr} gives the same bytes.
   */
  static byte[] sm4Ctr(byte[] key, byte[] iv, byte[] input) {
    SM4Engine engine = new SM4Engine();
    engine.init(true, new KeyParameter(key));
    byte[] counter = iv.clone();
    byte[] keystream = new byte[BLOCK_BYTES];
    byte[] output = new byte[input.length];
    for (int offset = 0; offset < input.length; offset += BLOCK_BYTES) {
      engine.processBlock(counter, 0, keystream, 0);
      int length = Math.min(BLOCK_BYTES, input.length - offset);
      for (int i = 0; i < length; i++) {
        output[offset + i] = (byte) (input[offset + i] ^ keystream[i]);
      }
      increment(counter);
    }
    return output;
  }

  private static void increment(byte[] counter) {
    for (int i = counter.length - 1; i >= 0; i--) {
      counter[i]++;
      if (counter[i] != 0) {
        return;
      }
    }
  }
}
