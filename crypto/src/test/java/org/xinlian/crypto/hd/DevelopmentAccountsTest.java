package org.xinlian.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;
import org.xinlian.common.Hex;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

/** The accounts that anvil and Hardhat fund (CRYPTO-31). */
class DevelopmentAccountsTest {
  /**
   * The ten addresses anvil prints at start-up and Hardhat documents for its default network
   * ("Available Accounts"), in EIP-55 form. Account 8 is 0x23618e81…f5B21E8f (as anvil prints it
   * and many public projects list it as "Hardhat #8"), not the …AdaE3939 that the task brief gave.
   */
  private static final List<String> ANVIL_AND_HARDHAT_ADDRESSES = List.of(
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
      "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
      "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
      "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
      "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
      "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
      "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
      "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

  private final CryptoSuite suite = CryptoSuites.standard();

  @Test
  @DisplayName("CRYPTO-31: the ten standard accounts are anvil's and Hardhat's")
  void theTenStandardAccountsAreAnvilsAndHardhats() {
    List<KeyPair> accounts =
        DevelopmentAccounts.standardDevelopmentAccounts(DevelopmentAccounts.STANDARD_ACCOUNT_COUNT);
    assertEquals(10, accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      KeyPair account = accounts.get(i);
      assertEquals(CryptoSuites.STANDARD, account.privateKey().suite());
      assertEquals(
          ANVIL_AND_HARDHAT_ADDRESSES.get(i),
          ChecksumAddress.format(suite.address(account.publicKey())),
          "account " + i);
      // The key pair is consistent: the suite derives the same public key from the private key.
      assertEquals(
          account.publicKey(), suite.keyPairFromPrivateKey(account.privateKey().bytes()).publicKey());
    }
    // The private keys anvil prints for accounts 0 and 8.
    assertEquals(
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        Hex.encodeBare(accounts.get(0).privateKey().bytes()));
    assertEquals(
        "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
        Hex.encodeBare(accounts.get(8).privateKey().bytes()));
    System.out.println(
        "standard development accounts: " + accounts.size() + " addresses, equal to anvil's and Hardhat's");
  }

  @Test
  @DisplayName("CRYPTO-31: the standard accounts equal web3j's derivation")
  void theStandardAccountsEqualWeb3jsDerivation() {
    byte[] seed = MnemonicUtils.generateSeed(DevelopmentAccounts.STANDARD_MNEMONIC, "");
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    List<KeyPair> accounts = DevelopmentAccounts.standardDevelopmentAccounts(20);
    for (int i = 0; i < accounts.size(); i++) {
      Bip32ECKeyPair expected =
          Bip32ECKeyPair.deriveKeyPair(master, DerivationPath.ethereumAccount(i).childNumbers());
      assertEquals(
          Hex.encodeBare(org.web3j.utils.Numeric.toBytesPadded(expected.getPrivateKey(), 32)),
          Hex.encodeBare(accounts.get(i).privateKey().bytes()),
          "account " + i);
      assertEquals(
          Keys.getAddress(expected.getPublicKey()),
          Hex.encodeBare(suite.address(accounts.get(i).publicKey()).toArray()),
          "account " + i);
    }
  }

  @Test
  @DisplayName("CRYPTO-31: another mnemonic uses the same paths")
  void accountsOfAnotherMnemonicFollowTheSamePaths() {
    Mnemonic mnemonic = Mnemonic.fromEntropy(new byte[32]);
    List<KeyPair> accounts = DevelopmentAccounts.accounts(mnemonic, "xinlian", 3);
    ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(mnemonic.seed("xinlian"));
    for (int i = 0; i < accounts.size(); i++) {
      assertEquals(
          master.derive(DerivationPath.parse("m/44'/60'/0'/0/" + i)).keyPair(), accounts.get(i));
    }
  }

  @Test
  @DisplayName("CRYPTO-31: the account count is bounded")
  void countIsBounded() {
    assertTrue(DevelopmentAccounts.standardDevelopmentAccounts(0).isEmpty());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> DevelopmentAccounts.standardDevelopmentAccounts(-1));
    assertEquals("count: must be in [0, 1000], got -1", negative.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> DevelopmentAccounts.standardDevelopmentAccounts(DevelopmentAccounts.ACCOUNT_COUNT_MAX + 1));
  }
}
