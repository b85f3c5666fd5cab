package org.xinlian.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

/** Round trips on both suites, and what a wrong password or an altered file does. */
class KeyFileRoundTripTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
  private static final String WRONG_PASSWORD_MESSAGE =
      "wrong password or corrupted key file (MAC mismatch)";

  private final SecureRandom random = new SecureRandom();

  private String encrypt(CryptoSuite suite, KeyPair keyPair, char[] password) {
    return KeyFile.encrypt(suite, keyPair.privateKey(), password, KeyFileParameters.light(), random);
  }

  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void decryptReturnsTheKeyThatWasEncrypted(String name) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(name);
    KeyPair keyPair = suite.generateKeyPair(random);
    String json = encrypt(suite, keyPair, PASSWORD);

    DecryptedKey decrypted = KeyFile.decrypt(json, PASSWORD);
    assertEquals(new DecryptedKey(name, keyPair.privateKey()), decrypted);
    assertEquals(
        new KeyFileInfo(name, Optional.of(suite.address(keyPair.publicKey()))), KeyFile.read(json));

    ObjectNode root = (ObjectNode) MAPPER.readTree(json);
    assertEquals(3, root.get("version").intValue());
    assertEquals(KeyFileJson.cipherOf(name), root.get("crypto").get("cipher").textValue());
    assertEquals(
        name.equals(CryptoSuites.GM) ? "gm" : null,
        root.has("suite") ? root.get("suite").textValue() : null);
    assertEquals(
        Hex.encodeBare(suite.address(keyPair.publicKey()).toArray()), root.get("address").textValue());
  }

  @Test
  void defaultParametersAreEthereumsStandardScrypt() throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    String json =
        KeyFile.encrypt(
            suite, suite.generateKeyPair(random).privateKey(), PASSWORD, KeyFileParameters.DEFAULT, random);
    ObjectNode parameters = (ObjectNode) MAPPER.readTree(json).get("crypto").get("kdfparams");
    assertEquals(262144, parameters.get("n").intValue());
    assertEquals(8, parameters.get("r").intValue());
    assertEquals(1, parameters.get("p").intValue());
    assertEquals(32, parameters.get("dklen").intValue());
    assertEquals(64, parameters.get("salt").textValue().length());
  }

  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void wrongPasswordIsReportedAsSuch(String name) {
    CryptoSuite suite = CryptoSuites.byName(name);
    String json = encrypt(suite, suite.generateKeyPair(random), PASSWORD);
    AuthenticationFailedException e =
        assertThrows(
            AuthenticationFailedException.class, () -> KeyFile.decrypt(json, "Tr0ub4dor&3".toCharArray()));
    assertEquals(WRONG_PASSWORD_MESSAGE, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void alteredCiphertextOrMacFailsTheMac(String name) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(name);
    String json = encrypt(suite, suite.generateKeyPair(random), PASSWORD);
    for (String field : new String[] {"ciphertext", "mac"}) {
      ObjectNode root = (ObjectNode) MAPPER.readTree(json);
      ObjectNode crypto = (ObjectNode) root.get("crypto");
      crypto.put(field, flipLastBit(crypto.get(field).textValue()));
      String altered = MAPPER.writeValueAsString(root);
      AuthenticationFailedException e =
          assertThrows(AuthenticationFailedException.class, () -> KeyFile.decrypt(altered, PASSWORD));
      assertEquals(WRONG_PASSWORD_MESSAGE, e.getMessage(), field);
    }
  }

  /** KEYSTORE-GM-10: the address is outside the MAC, so decryption checks it against the key. */
  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void addressThatIsNotTheKeysIsRejected(String name) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(name);
    ObjectNode root = (ObjectNode) MAPPER.readTree(encrypt(suite, suite.generateKeyPair(random), PASSWORD));
    root.put("address", flipLastBit(root.get("address").textValue()));
    String altered = MAPPER.writeValueAsString(root);
    DecodingException e = assertThrows(DecodingException.class, () -> KeyFile.decrypt(altered, PASSWORD));
    assertEquals("address", e.field());
  }

  /** A standard file relabelled as gm (or the reverse) is refused before any key derivation. */
  @Test
  void suiteLabelMustMatchTheCipher() throws Exception {
    CryptoSuite standard = CryptoSuites.standard();
    ObjectNode root = (ObjectNode) MAPPER.readTree(encrypt(standard, standard.generateKeyPair(random), PASSWORD));
    root.put("suite", "gm");
    DecodingException e =
        assertThrows(
            DecodingException.class, () -> KeyFile.decrypt(MAPPER.writeValueAsString(root), PASSWORD));
    assertEquals("crypto.cipher", e.field());

    CryptoSuite gm = CryptoSuites.gm();
    ObjectNode gmRoot = (ObjectNode) MAPPER.readTree(encrypt(gm, gm.generateKeyPair(random), PASSWORD));
    gmRoot.put("suite", "standard");
    DecodingException gmError =
        assertThrows(
            DecodingException.class, () -> KeyFile.decrypt(MAPPER.writeValueAsString(gmRoot), PASSWORD));
    assertEquals("crypto.cipher", gmError.field());
  }

  @Test
  void keyOfAnotherSuiteIsNotWritten() {
    KeyPair gmKey = CryptoSuites.gm().generateKeyPair(random);
    assertThrows(
        IllegalArgumentException.class, () -> encrypt(CryptoSuites.standard(), gmKey, PASSWORD));
  }

  /** KEYSTORE-GM-7: composed and decomposed spellings of one password open the same file. */
  @Test
  void passwordsAreNormalized() {
    CryptoSuite suite = CryptoSuites.standard();
    KeyPair keyPair = suite.generateKeyPair(random);
    String json = encrypt(suite, keyPair, "caf\u00e9".toCharArray());
    assertEquals(keyPair.privateKey(), KeyFile.decrypt(json, "cafe\u0301".toCharArray()).privateKey());
  }

  /** KEYSTORE-GM-7: a file written from the plain UTF-8 password (geth, web3j) opens too. */
  @Test
  void unnormalizedPasswordBytesAreTriedToo() {
    CryptoSuite suite = CryptoSuites.standard();
    KeyPair keyPair = suite.generateKeyPair(random);
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    // Decomposed "é": NFKC composes it, so the plain UTF-8 bytes differ from the normalized ones.
    byte[] plainPassword = "cafe\u0301".getBytes(StandardCharsets.UTF_8);
    byte[] derivedKey = KeyFileCrypto.scrypt(plainPassword, salt, 1024, 8, 1, 32);
    byte[] ciphertext =
        KeyFileCrypto.aes128Ctr(Arrays.copyOf(derivedKey, 16), iv, keyPair.privateKey().bytes());
    byte[] macBody = new byte[48];
    System.arraycopy(derivedKey, 16, macBody, 0, 16);
    System.arraycopy(ciphertext, 0, macBody, 16, 32);
    String json =
        "{\"crypto\":{\"cipher\":\"aes-128-ctr\",\"ciphertext\":\"" + Hex.encodeBare(ciphertext)
            + "\",\"cipherparams\":{\"iv\":\"" + Hex.encodeBare(iv) + "\"},\"kdf\":\"scrypt\","
            + "\"kdfparams\":{\"dklen\":32,\"n\":1024,\"p\":1,\"r\":8,\"salt\":\"" + Hex.encodeBare(salt)
            + "\"},\"mac\":\"" + Hex.encodeBare(suite.hash(macBody)) + "\"},"
            + "\"id\":\"0b1ebaf7-bfdb-4662-9a8e-6c024d024d27\",\"version\":3}";
    assertEquals(keyPair.privateKey(), KeyFile.decrypt(json, "cafe\u0301".toCharArray()).privateKey());
  }

  @Test
  void filesDifferInSaltIvAndIdEachTime() throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    KeyPair keyPair = suite.generateKeyPair(random);
    ObjectNode first = (ObjectNode) MAPPER.readTree(encrypt(suite, keyPair, PASSWORD));
    ObjectNode second = (ObjectNode) MAPPER.readTree(encrypt(suite, keyPair, PASSWORD));
    assertNotEquals(first.get("id"), second.get("id"));
    assertNotEquals(first.get("crypto").get("ciphertext"), second.get("crypto").get("ciphertext"));
    assertEquals('4', first.get("id").textValue().charAt(14), "version 4 UUID");
  }

  private static String flipLastBit(String hex) {
    byte[] bytes = Hex.decode(hex);
    bytes[bytes.length - 1] ^= 1;
    return Hex.encodeBare(bytes);
  }
}
