package org.xinlian.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/**
 * Known answers from outside Xinlian: the Web3 Secret Storage Definition's two test vectors
 * (ethereum.org, "Web3 secret storage definition", section "Test vectors": password
 * "testpassword", secret 7a28…fe9d, address 008aeeda…786b), and the gm vector of
 * docs/spec/keystore-gm.md, which was computed with OpenSSL 3.0 (scrypt, SM4-CTR, SM3, SM2).
 */
class KeyFileKnownAnswerTest {
  static final String PASSWORD = "testpassword";
  static final String SECRET = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
  static final String STANDARD_ADDRESS = "008aeeda4d805471df9b2a5b0f38a0c3bcba786b";

  /** Web3 Secret Storage Definition, test vector "PBKDF2-SHA-256". */
  static final String SPEC_PBKDF2 =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
       "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
       "kdf":"pbkdf2","kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
       "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
       "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
       "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
      """;

  /** Web3 Secret Storage Definition, test vector "Scrypt" (note its r = 1, p = 8). */
  static final String SPEC_SCRYPT =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
       "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
       "kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"r":1,"p":8,
       "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
       "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
       "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
      """;

  /** docs/spec/keystore-gm.md, "Test vector (gm)", computed with OpenSSL. */
  static final String SPEC_GM =
      "{\"address\":\"581a27ce7d3988a67217ba09adc1a139e18ee11f\",\"crypto\":{\"cipher\":\"sm4-ctr\","
          + "\"ciphertext\":\"af5fd7a9c4af227f0648254c7798c31fae2fa5b225af9ad64840acd2ad366ced\","
          + "\"cipherparams\":{\"iv\":\"83dbcc02d8ccb40e466191a123791e0e\"},\"kdf\":\"scrypt\","
          + "\"kdfparams\":{\"dklen\":32,\"n\":1024,\"p\":1,\"r\":8,"
          + "\"salt\":\"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19\"},"
          + "\"mac\":\"070b0c6b3530299f2c6b23863dfb94b5f5a1311ef3046ba5d2ce90513a9122ad\"},"
          + "\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\",\"suite\":\"gm\",\"version\":3}";

  static final String GM_ADDRESS = "581a27ce7d3988a67217ba09adc1a139e18ee11f";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void opensTheDefinitionsPbkdf2Vector() {
    DecryptedKey key = KeyFile.decrypt(SPEC_PBKDF2, PASSWORD.toCharArray());
    assertEquals(CryptoSuites.STANDARD, key.suite());
    assertEquals(SECRET, Hex.encodeBare(key.privateKey().bytes()));
    assertEquals(STANDARD_ADDRESS, addressOf(key));
  }

  @Test
  void opensTheDefinitionsScryptVector() {
    DecryptedKey key = KeyFile.decrypt(SPEC_SCRYPT, PASSWORD.toCharArray());
    assertEquals(SECRET, Hex.encodeBare(key.privateKey().bytes()));
    assertEquals(STANDARD_ADDRESS, addressOf(key));
  }

  @Test
  void readsTheDefinitionsVectorWithoutPassword() {
    assertEquals(
        new KeyFileInfo(CryptoSuites.STANDARD, Optional.empty()), KeyFile.read(SPEC_SCRYPT));
  }

  /** KEYSTORE-GM-1: with the vector's salt and IV, encryption reproduces its ciphertext and MAC. */
  @Test
  void encryptionReproducesTheDefinitionsScryptVector() throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    JsonNode expected = MAPPER.readTree(SPEC_SCRYPT).get("crypto");
    String json =
        KeyFile.encrypt(
            suite,
            suite.keyPairFromPrivateKey(Hex.decode(SECRET)).privateKey(),
            PASSWORD.toCharArray(),
            new KeyFileParameters(262144, 1, 8),
            randomFor(expected));
    JsonNode written = MAPPER.readTree(json);
    assertEquals(expected.get("ciphertext"), written.get("crypto").get("ciphertext"));
    assertEquals(expected.get("mac"), written.get("crypto").get("mac"));
    assertEquals(expected.get("kdfparams"), written.get("crypto").get("kdfparams"));
    assertEquals(STANDARD_ADDRESS, written.get("address").textValue());
    assertTrue(!written.has("suite"), "standard files carry no suite field: " + json);
  }

  /** KEYSTORE-GM-3..6: the OpenSSL-computed gm vector opens, and encryption reproduces it. */
  @Test
  void opensAndReproducesTheGmVector() throws Exception {
    DecryptedKey key = KeyFile.decrypt(SPEC_GM, PASSWORD.toCharArray());
    assertEquals(CryptoSuites.GM, key.suite());
    assertEquals(SECRET, Hex.encodeBare(key.privateKey().bytes()));
    assertEquals(GM_ADDRESS, addressOf(key));
    assertEquals(
        new KeyFileInfo(CryptoSuites.GM, Optional.of(Address.fromHex(GM_ADDRESS))),
        KeyFile.read(SPEC_GM));

    JsonNode expected = MAPPER.readTree(SPEC_GM);
    String json =
        KeyFile.encrypt(
            CryptoSuites.gm(),
            key.privateKey(),
            PASSWORD.toCharArray(),
            KeyFileParameters.light(),
            randomFor(expected.get("crypto"), Hex.decode(expected.get("id").textValue().replace("-", ""))));
    JsonNode written = MAPPER.readTree(json);
    assertEquals(expected.get("crypto"), written.get("crypto"));
    assertEquals(expected.get("address"), written.get("address"));
    assertEquals(expected.get("suite"), written.get("suite"));
  }

  private static FixedRandom randomFor(JsonNode crypto, byte[]... more) {
    byte[] salt = Hex.decode(crypto.get("kdfparams").get("salt").textValue());
    byte[] iv = Hex.decode(crypto.get("cipherparams").get("iv").textValue());
    byte[][] chunks = new byte[2 + more.length][];
    chunks[0] = salt;
    chunks[1] = iv;
    System.arraycopy(more, 0, chunks, 2, more.length);
    return new FixedRandom(chunks);
  }

  static String addressOf(DecryptedKey key) {
    CryptoSuite suite = CryptoSuites.byName(key.suite());
    return Hex.encodeBare(
        suite.address(suite.keyPairFromPrivateKey(key.privateKey().bytes()).publicKey()).toArray());
  }
}
