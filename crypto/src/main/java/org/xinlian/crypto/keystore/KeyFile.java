package org.xinlian.crypto.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;

/**
 * Password-encrypted key files. Standard keys are Web3 Secret Storage v3 exactly as Ethereum
 * defines it, so geth, ethers.js and web3j open Xinlian's files and Xinlian opens theirs; gm keys
 * use the same layout with SM4-CTR and SM3 and a {@code "suite": "gm"} field
 * (docs/spec/keystore-gm.md). In both, the MAC is the suite's hash of the second half of the
 * derived key and the ciphertext, so a wrong password is detected before anything is decrypted.
 *
 * <p>Passwords are encoded as UTF-8 after Unicode NFKC normalization, as ethers.js v6 does, so the
 * same typed password works whatever the keyboard produced. geth and web3j do not normalize;
 * their files with non-ASCII passwords still open because decryption also tries the password's
 * plain UTF-8 bytes when they differ.
 */
public final class KeyFile {
  private static final int SALT_BYTES = 32;
  private static final int UUID_BYTES = 16;
  private static final int HALF_KEY_BYTES = 16;
  private static final String WRONG_PASSWORD = "wrong password or corrupted key file (MAC mismatch)";

  private KeyFile() {}

  /**
   * Encrypts a private key under a password with scrypt, returning the key file as compact JSON.
   * Salt, IV and the file's UUID come from {@code random}.
   *
   * @throws IllegalArgumentException if the key belongs to another suite than {@code suite}
   */
  public static String encrypt(
      CryptoSuite suite,
      PrivateKey key,
      char[] password,
      KeyFileParameters parameters,
      SecureRandom random) {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(random, "random");
    if (!key.suite().equals(suite.name())) {
      throw new IllegalArgumentException(
          "privateKey: a " + key.suite() + " key cannot be written as a " + suite.name() + " key file");
    }
    byte[] scalar = key.bytes();
    KeyPair keyPair = suite.keyPairFromPrivateKey(scalar);
    byte[] salt = randomBytes(random, SALT_BYTES);
    byte[] iv = randomBytes(random, KeyFileCrypto.BLOCK_BYTES);
    byte[] passwordBytes = normalizedPassword(password);
    byte[] derivedKey =
        KeyFileCrypto.scrypt(
            passwordBytes, salt, parameters.scryptN(), parameters.scryptR(), parameters.scryptP(),
            ScryptLimits.DERIVED_KEY_BYTES_MIN);
    try {
      byte[] ciphertext = cipher(suite.name(), Arrays.copyOf(derivedKey, HALF_KEY_BYTES), iv, scalar);
      byte[] mac = mac(suite, derivedKey, ciphertext);

      ObjectNode root = KeyFileJson.newObject();
      root.put("address", Hex.encodeBare(suite.address(keyPair.publicKey()).toArray()));
      ObjectNode crypto = root.putObject("crypto");
      crypto.put("cipher", KeyFileJson.cipherOf(suite.name()));
      crypto.put("ciphertext", Hex.encodeBare(ciphertext));
      crypto.putObject("cipherparams").put("iv", Hex.encodeBare(iv));
      crypto.put("kdf", KeyFileJson.KDF_SCRYPT);
      ObjectNode kdfParameters = crypto.putObject("kdfparams");
      kdfParameters.put("dklen", ScryptLimits.DERIVED_KEY_BYTES_MIN);
      kdfParameters.put("n", parameters.scryptN());
      kdfParameters.put("p", parameters.scryptP());
      kdfParameters.put("r", parameters.scryptR());
      kdfParameters.put("salt", Hex.encodeBare(salt));
      crypto.put("mac", Hex.encodeBare(mac));
      root.put("id", uuid(random));
      // Standard files carry no suite field, so that they are byte-for-byte what Ethereum tools write.
      if (suite.name().equals(CryptoSuites.GM)) {
        root.put("suite", CryptoSuites.GM);
      }
      root.put("version", KeyFileJson.VERSION);
      return KeyFileJson.write(root);
    } finally {
      Arrays.fill(scalar, (byte) 0);
      Arrays.fill(passwordBytes, (byte) 0);
      Arrays.fill(derivedKey, (byte) 0);
    }
  }

  /**
   * Decrypts a key file. When the file names an address, it must be the decrypted key's.
   *
   * @throws DecodingException if the file is malformed, uses an unsupported cipher or key
   *     derivation, has out-of-bound parameters, or holds a key that does not match its address
   * @throws AuthenticationFailedException if the password is wrong or the ciphertext was altered
   */
  public static DecryptedKey decrypt(String json, char[] password) {
    Objects.requireNonNull(password, "password");
    ParsedKeyFile file = KeyFileJson.parse(json);
    CryptoSuite suite = CryptoSuites.byName(file.suite());
    for (byte[] candidate : passwordCandidates(password)) {
      byte[] derivedKey = file.keyDerivation().derive(candidate);
      Arrays.fill(candidate, (byte) 0);
      try {
        if (MessageDigest.isEqual(mac(suite, derivedKey, file.ciphertext()), file.mac())) {
          return open(suite, file, derivedKey);
        }
      } finally {
        Arrays.fill(derivedKey, (byte) 0);
      }
    }
    throw new AuthenticationFailedException(WRONG_PASSWORD);
  }

  /**
   * What a key file tells without its password: its suite and the address it claims. The file is
   * checked as far as possible without the password (layout, version, cipher, key derivation).
   *
   * @throws DecodingException if the file is malformed
   */
  public static KeyFileInfo read(String json) {
    ParsedKeyFile file = KeyFileJson.parse(json);
    return new KeyFileInfo(file.suite(), file.address());
  }

  private static DecryptedKey open(CryptoSuite suite, ParsedKeyFile file, byte[] derivedKey) {
    byte[] scalar =
        cipher(file.suite(), Arrays.copyOf(derivedKey, HALF_KEY_BYTES), file.iv(), file.ciphertext());
    try {
      KeyPair keyPair;
      try {
        keyPair = suite.keyPairFromPrivateKey(scalar);
      } catch (IllegalArgumentException e) {
        throw new DecodingException(
            "crypto.ciphertext", "decrypts to an invalid " + suite.name() + " private key", e);
      }
      Address actual = suite.address(keyPair.publicKey());
      if (file.address().isPresent() && !file.address().get().equals(actual)) {
        throw new DecodingException(
            "address",
            "the file claims " + Hex.encode(file.address().get().toArray())
                + " but its key belongs to " + Hex.encode(actual.toArray()));
      }
      return new DecryptedKey(suite.name(), keyPair.privateKey());
    } finally {
      Arrays.fill(scalar, (byte) 0);
    }
  }

  private static byte[] cipher(String suite, byte[] key, byte[] iv, byte[] input) {
    try {
      return suite.equals(CryptoSuites.GM)
          ? KeyFileCrypto.sm4Ctr(key, iv, input)
          : KeyFileCrypto.aes128Ctr(key, iv, input);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Keccak-256 (standard, as Web3 Secret Storage says) or SM3 (gm) of DK[16..32] || ciphertext. */
  private static byte[] mac(CryptoSuite suite, byte[] derivedKey, byte[] ciphertext) {
    byte[] body = new byte[HALF_KEY_BYTES + ciphertext.length];
    System.arraycopy(derivedKey, HALF_KEY_BYTES, body, 0, HALF_KEY_BYTES);
    System.arraycopy(ciphertext, 0, body, HALF_KEY_BYTES, ciphertext.length);
    byte[] mac = suite.hash(body);
    Arrays.fill(body, (byte) 0);
    return mac;
  }

  private static byte[] normalizedPassword(char[] password) {
    String normalized = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC);
    return normalized.getBytes(StandardCharsets.UTF_8);
  }

  /** NFKC-normalized UTF-8 first (ethers.js, and what we write), then plain UTF-8 (geth, web3j). */
  private static List<byte[]> passwordCandidates(char[] password) {
    List<byte[]> candidates = new ArrayList<>(2);
    byte[] normalized = normalizedPassword(password);
    candidates.add(normalized);
    ByteBuffer plain = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] plainBytes = new byte[plain.remaining()];
    plain.get(plainBytes);
    if (plain.hasArray()) {
      Arrays.fill(plain.array(), (byte) 0);
    }
    if (Arrays.equals(plainBytes, normalized)) {
      Arrays.fill(plainBytes, (byte) 0);
    } else {
      candidates.add(plainBytes);
    }
    return candidates;
  }

  private static byte[] randomBytes(SecureRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A version 4 (random) UUID drawn from the caller's entropy source, as geth writes. */
  private static String uuid(SecureRandom random) {
    byte[] bytes = randomBytes(random, UUID_BYTES);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    String hex = Hex.encodeBare(bytes);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }
}
