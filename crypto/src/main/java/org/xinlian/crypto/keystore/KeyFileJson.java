package org.xinlian.crypto.keystore;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;

/**
 * The JSON layer of key files: strict reading (every problem is a {@link DecodingException}
 * naming the JSON path) and canonical writing in geth's field order.
 */
final class KeyFileJson {
  /** Real key files are under 1 KiB; anything far larger is not a key file. */
  static final int KEY_FILE_CHARS_MAX = 64 * 1024;

  static final int VERSION = 3;
  static final String CIPHER_STANDARD = "aes-128-ctr";
  static final String CIPHER_GM = "sm4-ctr";
  static final String KDF_SCRYPT = "scrypt";
  static final String KDF_PBKDF2 = "pbkdf2";
  static final String PRF_HMAC_SHA256 = "hmac-sha256";

  private static final int PRIVATE_KEY_BYTES = 32;
  private static final int MAC_BYTES = 32;
  private static final Pattern UUID_FORMAT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Longest JSON value quoted back in an error message. */
  private static final int QUOTED_CHARS_MAX = 40;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(32).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private KeyFileJson() {}

  /** The cipher name a suite's key files use. */
  static String cipherOf(String suite) {
    return CryptoSuites.GM.equals(suite) ? CIPHER_GM : CIPHER_STANDARD;
  }

  static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JacksonException e) {
      throw new IllegalStateException("keyFile: cannot serialize", e);
    }
  }

  /** Parses a key file and checks the fields needed by {@link KeyFile#read}. */
  static JsonNode parseRoot(String json) {
    if (json == null) {
      throw new DecodingException("keyFile", "missing");
    }
    if (json.length() > KEY_FILE_CHARS_MAX) {
      throw new DecodingException(
          "keyFile", json.length() + " characters, more than the " + KEY_FILE_CHARS_MAX + " allowed");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new DecodingException("keyFile", "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("keyFile", "must be a JSON object");
    }
    long version = integer(root, "version", "version");
    if (version != VERSION) {
      throw new DecodingException("version", "expected " + VERSION + " but got " + version);
    }
    String id = text(root, "id", "id");
    if (!UUID_FORMAT.matcher(id).matches()) {
      throw new DecodingException("id", "not a UUID: " + clip(id));
    }
    return root;
  }

  /** The suite the file declares; files without {@code suite} are standard (Ethereum's). */
  static String suite(JsonNode root) {
    JsonNode node = root.get("suite");
    if (node == null) {
      return CryptoSuites.STANDARD;
    }
    if (!node.isTextual() || !CryptoSuites.names().contains(node.textValue())) {
      throw new DecodingException(
          "suite", "unknown crypto suite " + quote(node) + " (expected one of " + CryptoSuites.names() + ")");
    }
    return node.textValue();
  }

  static Optional<Address> address(JsonNode root) {
    JsonNode node = root.get("address");
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new DecodingException("address", "must be a string");
    }
    return Optional.of(Address.fromHex(node.textValue()));
  }

  /** Everything {@link KeyFile#decrypt} needs, checked against the bounds of {@link ScryptLimits}. */
  static ParsedKeyFile parse(String json) {
    JsonNode root = parseRoot(json);
    String suite = suite(root);
    Optional<Address> address = address(root);
    // geth and web3j write "crypto"; ethers.js and old MyEtherWallet files write "Crypto".
    String cryptoName = root.has("crypto") ? "crypto" : "Crypto";
    JsonNode crypto = object(root, cryptoName, "crypto");

    String cipher = text(crypto, "cipher", "crypto.cipher");
    if (!cipher.equals(cipherOf(suite))) {
      throw new DecodingException(
          "crypto.cipher",
          "unsupported cipher '" + clip(cipher) + "' for suite " + suite + " (expected " + cipherOf(suite) + ")");
    }
    JsonNode cipherParameters = object(crypto, "cipherparams", "crypto.cipherparams");
    byte[] iv = hex(cipherParameters, "iv", "crypto.cipherparams.iv", KeyFileCrypto.BLOCK_BYTES);
    byte[] ciphertext = hex(crypto, "ciphertext", "crypto.ciphertext", PRIVATE_KEY_BYTES);
    byte[] mac = hex(crypto, "mac", "crypto.mac", MAC_BYTES);
    ParsedKeyFile.KeyDerivation keyDerivation = keyDerivation(suite, crypto);
    return new ParsedKeyFile(suite, address, iv, ciphertext, keyDerivation, mac);
  }

  private static ParsedKeyFile.KeyDerivation keyDerivation(String suite, JsonNode crypto) {
    String kdf = text(crypto, "kdf", "crypto.kdf");
    JsonNode parameters = object(crypto, "kdfparams", "crypto.kdfparams");
    int derivedKeyLength = (int) integer(parameters, "dklen", "crypto.kdfparams.dklen");
    if (derivedKeyLength < ScryptLimits.DERIVED_KEY_BYTES_MIN
        || derivedKeyLength > ScryptLimits.DERIVED_KEY_BYTES_MAX) {
      throw new DecodingException(
          "crypto.kdfparams.dklen",
          "must be between " + ScryptLimits.DERIVED_KEY_BYTES_MIN + " and "
              + ScryptLimits.DERIVED_KEY_BYTES_MAX + " but is " + derivedKeyLength);
    }
    byte[] salt = salt(parameters);
    if (kdf.equals(KDF_SCRYPT)) {
      long n = integer(parameters, "n", "crypto.kdfparams.n");
      long r = integer(parameters, "r", "crypto.kdfparams.r");
      long p = integer(parameters, "p", "crypto.kdfparams.p");
      ScryptLimits.check("crypto.kdfparams", n, r, p);
      return new ParsedKeyFile.Scrypt((int) n, (int) r, (int) p, derivedKeyLength, salt);
    }
    if (kdf.equals(KDF_PBKDF2) && suite.equals(CryptoSuites.STANDARD)) {
      String prf = text(parameters, "prf", "crypto.kdfparams.prf");
      if (!prf.equals(PRF_HMAC_SHA256)) {
        throw new DecodingException(
            "crypto.kdfparams.prf", "unsupported '" + clip(prf) + "' (expected " + PRF_HMAC_SHA256 + ")");
      }
      long iterations = integer(parameters, "c", "crypto.kdfparams.c");
      if (iterations < 1 || iterations > ScryptLimits.PBKDF2_ITERATIONS_MAX) {
        throw new DecodingException(
            "crypto.kdfparams.c",
            "must be between 1 and " + ScryptLimits.PBKDF2_ITERATIONS_MAX + " but is " + iterations);
      }
      return new ParsedKeyFile.Pbkdf2((int) iterations, derivedKeyLength, salt);
    }
    throw new DecodingException(
        "crypto.kdf",
        "unsupported key derivation '" + clip(kdf) + "' for suite " + suite + " (expected "
            + (suite.equals(CryptoSuites.STANDARD) ? "scrypt or pbkdf2" : "scrypt") + ")");
  }

  private static byte[] salt(JsonNode parameters) {
    String field = "crypto.kdfparams.salt";
    byte[] salt = Hex.decode(field, text(parameters, "salt", field));
    if (salt.length == 0 || salt.length > ScryptLimits.SALT_BYTES_MAX) {
      throw new DecodingException(
          field, "must be 1 to " + ScryptLimits.SALT_BYTES_MAX + " bytes but is " + salt.length);
    }
    return salt;
  }

  private static JsonNode object(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null) {
      throw new DecodingException(field, "missing");
    }
    if (!node.isObject()) {
      throw new DecodingException(field, "must be a JSON object");
    }
    return node;
  }

  private static String text(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null) {
      throw new DecodingException(field, "missing");
    }
    if (!node.isTextual()) {
      throw new DecodingException(field, "must be a string");
    }
    return node.textValue();
  }

  /** An integral JSON number that fits in an int; strings and fractions are rejected. */
  private static long integer(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null) {
      throw new DecodingException(field, "missing");
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new DecodingException(field, "must be an integer of at most 31 bits but is " + quote(node));
    }
    return node.intValue();
  }

  private static String quote(JsonNode node) {
    return clip(node.toString());
  }

  private static String clip(String text) {
    return text.length() <= QUOTED_CHARS_MAX ? text : text.substring(0, QUOTED_CHARS_MAX) + "...";
  }

  private static byte[] hex(JsonNode parent, String name, String field, int length) {
    byte[] bytes = Hex.decode(field, text(parent, name, field));
    if (bytes.length != length) {
      throw new DecodingException(field, "expected " + length + " bytes but got " + bytes.length);
    }
    return bytes;
  }
}
