package org.xinlian.interop;

/**
 * Accounts 0 and 1 of the standard development mnemonic "test test test test test test test test
 * test test test junk" (m/44'/60'/0'/0/0 and /1), which anvil and Hardhat fund and print at start;
 * issue 5 requires `xinlian dev` to fund the same ones, so one scenario serves both endpoints.
 * Values as printed by anvil 1.7.1 and listed in the Foundry and Hardhat documentation.
 */
final class DevelopmentAccounts {
  static final String ACCOUNT_0_PRIVATE_KEY =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final String ACCOUNT_0_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String ACCOUNT_1_ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  private DevelopmentAccounts() {}
}
