package org.xinlian.crypto.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PublicKey;

/**
 * Google's Wycheproof vectors (C2SP/wycheproof, read from ../shared/oracles/wycheproof) against the
 * standard suite's secp256k1 ECDSA, AES-GCM and HMAC-SHA256. The ECDSA messages are hashed with
 * SHA-256 and verified with the suite's raw verification; only the Bitcoin file requires low S.
 * The ECDSA files run once per secp256k1 backend (libsecp256k1 and BouncyCastle, docs/adr/0007).
 */
class WycheproofTest {
  private final StandardSuite suite = new StandardSuite();

  /**
   * Both backends on every platform the tests run on: the bundled libsecp256k1 covers Linux
   * (x86-64, aarch64), macOS and Windows x86-64, and a test run without it must fail, not quietly
   * test BouncyCastle twice.
   */
  static Stream<String> backends() {
    return Stream.of(NativeSecp256k1Backend.NAME, BouncyCastleSecp256k1Backend.NAME);
  }

  private static StandardSuite suiteWith(String backend) {
    StandardSuite suite = new StandardSuite(Secp256k1Backends.byName(backend));
    assertEquals(backend, suite.secp256k1Backend());
    return suite;
  }

  @ParameterizedTest
  @MethodSource("backends")
  void ecdsaSecp256k1Der(String backend) {
    checkEcdsa(suiteWith(backend), "ecdsa_secp256k1_sha256_test.json", Encoding.DER, false);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void ecdsaSecp256k1P1363(String backend) {
    checkEcdsa(
        suiteWith(backend), "ecdsa_secp256k1_sha256_p1363_test.json", Encoding.P1363, false);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void ecdsaSecp256k1BitcoinLowS(String backend) {
    checkEcdsa(suiteWith(backend), "ecdsa_secp256k1_sha256_bitcoin_test.json", Encoding.DER, true);
  }

  private enum Encoding {
    DER,
    P1363
  }

  private static void checkEcdsa(
      StandardSuite suite, String file, Encoding encoding, boolean requireLowS) {
    Wycheproof vectors = Wycheproof.load(file);
    for (JsonNode group : vectors.groups()) {
      PublicKey key =
          suite.publicKeyFromBytes(Wycheproof.bytes(group.get("publicKey"), "uncompressed"));
      for (JsonNode test : group.get("tests")) {
        byte[] digest = sha256(Wycheproof.bytes(test, "msg"));
        BigInteger[] rs = parseSignature(Wycheproof.bytes(test, "sig"), encoding);
        boolean accepted = rs != null && suite.verify(key, digest, rs[0], rs[1], requireLowS);
        vectors.record(group, test, accepted);
      }
    }
    vectors.assertAllRight(suite.secp256k1Backend());
  }

  /**
   * Public key recovery against independent signatures: for every valid P1363 case one of the four
   * recovery ids must give back the group's key, including the cases whose nonce point has
   * x = r + n (recovery id 2 or 3), which honest signers almost never produce.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void recoveryFindsTheSignerOfEveryValidEcdsaCase(String backend) {
    StandardSuite suite = suiteWith(backend);
    Wycheproof vectors = Wycheproof.load("ecdsa_secp256k1_sha256_p1363_test.json");
    int recovered = 0;
    int overflowed = 0;
    int valid = 0;
    for (JsonNode group : vectors.groups()) {
      PublicKey key =
          suite.publicKeyFromBytes(Wycheproof.bytes(group.get("publicKey"), "uncompressed"));
      for (JsonNode test : group.get("tests")) {
        if (!"valid".equals(test.get("result").asText())) {
          continue;
        }
        valid++;
        byte[] digest = sha256(Wycheproof.bytes(test, "msg"));
        BigInteger[] rs = parseSignature(Wycheproof.bytes(test, "sig"), Encoding.P1363);
        for (int recoveryId = 0; recoveryId <= 3; recoveryId++) {
          if (suite.recoverAllowingHighS(digest, rs[0], rs[1], recoveryId)
              .filter(key::equals)
              .isPresent()) {
            recovered++;
            overflowed += recoveryId >= 2 ? 1 : 0;
            break;
          }
        }
      }
    }
    System.out.printf(
        "Wycheproof ecdsa_secp256k1_sha256_p1363_test.json recovery [%s]: %d valid cases, %d"
            + " signers recovered (%d with x = r + n)%n",
        backend, valid, recovered, overflowed);
    assertEquals(valid, recovered);
    assertTrue(overflowed > 0, "no x = r + n case exercised");
  }

  private static BigInteger[] parseSignature(byte[] signature, Encoding encoding) {
    if (encoding == Encoding.DER) {
      return StrictDerSignature.parse(signature);
    }
    if (signature.length != 64) {
      return null;
    }
    return new BigInteger[] {
      new BigInteger(1, signature, 0, 32), new BigInteger(1, signature, 32, 32)
    };
  }

  @Test
  void aesGcm() {
    Wycheproof vectors = Wycheproof.load("aes_gcm_test.json");
    for (JsonNode group : vectors.groups()) {
      int tagBits = group.get("tagSize").asInt();
      for (JsonNode test : group.get("tests")) {
        vectors.record(group, test, aesGcmAccepts(test, tagBits));
      }
    }
    vectors.assertAllRight();
  }

  /**
   * Accepted when decryption authenticates and returns the message and encryption reproduces the
   * ciphertext and tag. The suite's own parameters (256-bit key, 96-bit IV, 128-bit tag) go
   * through the suite; other sizes through the same helper the suite uses.
   */
  private boolean aesGcmAccepts(JsonNode test, int tagBits) {
    byte[] key = Wycheproof.bytes(test, "key");
    byte[] iv = Wycheproof.bytes(test, "iv");
    byte[] associatedData = Wycheproof.bytes(test, "aad");
    byte[] message = Wycheproof.bytes(test, "msg");
    byte[] sealed = concatenate(Wycheproof.bytes(test, "ct"), Wycheproof.bytes(test, "tag"));
    boolean suiteParameters =
        key.length == suite.symmetricKeyLength()
            && iv.length == CryptoSuite.NONCE_LENGTH
            && tagBits == CryptoSuite.TAG_LENGTH * 8;
    try {
      byte[] opened =
          suiteParameters
              ? suite.decrypt(key, iv, sealed, associatedData)
              : AesGcm.decrypt(key, iv, tagBits, sealed, associatedData);
      byte[] resealed =
          suiteParameters
              ? suite.encrypt(key, iv, message, associatedData)
              : AesGcm.encrypt(key, iv, tagBits, message, associatedData);
      return Arrays.equals(opened, message) && Arrays.equals(resealed, sealed);
    } catch (AuthenticationFailedException | IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void hmacSha256() {
    Wycheproof vectors = Wycheproof.load("hmac_sha256_test.json");
    for (JsonNode group : vectors.groups()) {
      int tagBytes = group.get("tagSize").asInt() / 8;
      for (JsonNode test : group.get("tests")) {
        byte[] mac = suite.hmac(Wycheproof.bytes(test, "key"), Wycheproof.bytes(test, "msg"));
        byte[] expected = Wycheproof.bytes(test, "tag");
        boolean accepted =
            expected.length == tagBytes
                && MessageDigest.isEqual(Arrays.copyOf(mac, tagBytes), expected);
        vectors.record(group, test, accepted);
      }
    }
    vectors.assertAllRight();
  }

  private static byte[] sha256(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concatenate(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
