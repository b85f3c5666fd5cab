package org.xinlian.crypto.gm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hex;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoSuite;

/**
 * Wycheproof (C2SP, ../shared/oracles/wycheproof) SM4-GCM and HMAC-SM3: every case must get its
 * expected verdict. SM4-GCM cases with other IV and tag sizes run through {@link Sm4Gcm}, the code
 * under the suite; the 12-byte-IV, 16-byte-tag ones also run through the suite itself.
 */
class WycheproofGmTest {
  private final GmSuite suite = new GmSuite();

  @Test
  @DisplayName("CRYPTO-15: Wycheproof sm4_gcm_test.json, every verdict right")
  void sm4Gcm() {
    String file = "sm4_gcm_test.json";
    JsonNode root = Oracles.read("wycheproof/" + file);
    int count = 0;
    int suiteCases = 0;
    List<String> failures = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      int tagLength = group.get("tagSize").asInt() / 8;
      for (JsonNode test : group.get("tests")) {
        count++;
        byte[] key = Hex.decode(test.get("key").asText());
        byte[] iv = Hex.decode(test.get("iv").asText());
        byte[] aad = Hex.decode(test.get("aad").asText());
        byte[] message = Hex.decode(test.get("msg").asText());
        byte[] sealed = concat(Hex.decode(test.get("ct").asText()), Hex.decode(test.get("tag").asText()));
        boolean valid = "valid".equals(test.get("result").asText());
        boolean suiteShape = iv.length == CryptoSuite.NONCE_LENGTH && tagLength == CryptoSuite.TAG_LENGTH;
        String verdict = valid
            ? validGcm(key, iv, tagLength, aad, message, sealed, suiteShape)
            : invalidGcm(key, iv, tagLength, aad, sealed, suiteShape);
        if (suiteShape) {
          suiteCases++;
        }
        if (verdict != null) {
          failures.add("tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + "): " + verdict);
        }
      }
    }
    System.out.println("Wycheproof " + file + ": " + count + " cases (" + suiteCases
        + " also through the suite), " + (count - failures.size()) + " verdicts right");
    assertEquals(root.get("numberOfTests").asInt(), count);
    assertEquals(List.of(), failures);
  }

  @Test
  @DisplayName("CRYPTO-16: Wycheproof hmac_sm3_test.json, every verdict right")
  void hmacSm3() {
    String file = "hmac_sm3_test.json";
    JsonNode root = Oracles.read("wycheproof/" + file);
    int count = 0;
    List<String> failures = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      int tagLength = group.get("tagSize").asInt() / 8;
      for (JsonNode test : group.get("tests")) {
        count++;
        byte[] mac = suite.hmac(Hex.decode(test.get("key").asText()), Hex.decode(test.get("msg").asText()));
        byte[] expected = Hex.decode(test.get("tag").asText());
        boolean matches = MessageDigest.isEqual(Arrays.copyOf(mac, tagLength), expected);
        boolean valid = "valid".equals(test.get("result").asText());
        if (matches != valid) {
          failures.add("tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText()
              + "): expected " + test.get("result").asText());
        }
      }
    }
    System.out.println("Wycheproof " + file + ": " + count + " cases, "
        + (count - failures.size()) + " verdicts right");
    assertEquals(root.get("numberOfTests").asInt(), count);
    assertEquals(List.of(), failures);
  }

  /** Null when encryption reproduces ciphertext and tag and decryption returns the message. */
  private String validGcm(byte[] key, byte[] iv, int tagLength, byte[] aad, byte[] message,
      byte[] sealed, boolean suiteShape) {
    try {
      if (!Arrays.equals(sealed, Sm4Gcm.encrypt(key, iv, tagLength, message, aad))) {
        return "encryption differs";
      }
      if (!Arrays.equals(message, Sm4Gcm.decrypt(key, iv, tagLength, sealed, aad))) {
        return "decryption differs";
      }
      if (suiteShape && (!Arrays.equals(sealed, suite.encrypt(key, iv, message, aad))
          || !Arrays.equals(message, suite.decrypt(key, iv, sealed, aad)))) {
        return "suite result differs";
      }
      return null;
    } catch (RuntimeException e) {
      return "valid case rejected: " + e;
    }
  }

  /** Null when decryption is refused: a tag mismatch, or parameters GCM must not accept. */
  private String invalidGcm(byte[] key, byte[] iv, int tagLength, byte[] aad, byte[] sealed,
      boolean suiteShape) {
    if (accepted(() -> Sm4Gcm.decrypt(key, iv, tagLength, sealed, aad))) {
      return "invalid case accepted";
    }
    if (suiteShape && accepted(() -> suite.decrypt(key, iv, sealed, aad))) {
      return "invalid case accepted by the suite";
    }
    return null;
  }

  private static boolean accepted(Runnable decryption) {
    try {
      decryption.run();
      return true;
    } catch (AuthenticationFailedException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
