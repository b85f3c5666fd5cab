package org.xinlian.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

/** Standard key files are Web3 Secret Storage v3: web3j (the Java Ethereum client) reads ours and we read its. */
class KeyFileWeb3jInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "web3j interop 密码";

  private final CryptoSuite suite = CryptoSuites.standard();

  @Test
  void web3jOpensOurKeyFile() throws Exception {
    KeyPair keyPair = suite.generateKeyPair(new SecureRandom());
    String json =
        KeyFile.encrypt(
            suite, keyPair.privateKey(), PASSWORD.toCharArray(), KeyFileParameters.light(),
            new SecureRandom());

    WalletFile walletFile = JSON.readValue(json, WalletFile.class);
    ECKeyPair opened = Wallet.decrypt(PASSWORD, walletFile);

    assertEquals(new BigInteger(1, keyPair.privateKey().bytes()), opened.getPrivateKey());
    assertEquals(
        suite.address(keyPair.publicKey()).toHexString().substring(2), Keys.getAddress(opened));
  }

  @Test
  void weOpenWeb3jsKeyFile() throws Exception {
    KeyPair keyPair = suite.generateKeyPair(new SecureRandom());
    ECKeyPair web3jKey = ECKeyPair.create(new BigInteger(1, keyPair.privateKey().bytes()));
    String json = JSON.writeValueAsString(Wallet.createLight(PASSWORD, web3jKey));

    DecryptedKey decrypted = KeyFile.decrypt(json, PASSWORD.toCharArray());

    assertEquals(CryptoSuites.STANDARD, decrypted.suite());
    assertArrayEquals(keyPair.privateKey().bytes(), decrypted.privateKey().bytes());
    assertEquals(
        "0x" + Keys.getAddress(web3jKey),
        KeyFile.read(json).address().orElseThrow().toHexString());
  }
}
