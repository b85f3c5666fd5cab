package org.xinlian.crypto.hd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.xinlian.crypto.KeyPair;

/**
 * The accounts a development chain funds (CRYPTO-31). anvil, Hardhat and Ganache all fund the
 * first addresses of one well-known mnemonic, and tutorials, test suites and scripts hard-code
 * those addresses and keys; {@code xinlian dev} funds the same ones so that they work unchanged.
 * The keys are public knowledge: never use them on a chain with value.
 */
public final class DevelopmentAccounts {
  /** The mnemonic of anvil's and Hardhat's default accounts. */
  public static final String STANDARD_MNEMONIC =
      "test test test test test test test test test test test junk";

  /** How many accounts anvil and Hardhat fund by default. */
  public static final int STANDARD_ACCOUNT_COUNT = 10;

  /** Each account costs a few elliptic-curve multiplications; more than this is a mistake. */
  public static final int ACCOUNT_COUNT_MAX = 1000;

  private DevelopmentAccounts() {}

  /**
   * The first {@code count} accounts of {@link #STANDARD_MNEMONIC} without passphrase, at
   * {@code m/44'/60'/0'/0/i}, as standard-suite key pairs.
   *
   * @throws IllegalArgumentException when {@code count} is not in [0, {@link #ACCOUNT_COUNT_MAX}]
   */
  public static List<KeyPair> standardDevelopmentAccounts(int count) {
    return accounts(Mnemonic.parse(STANDARD_MNEMONIC), "", count);
  }

  /**
   * The first {@code count} accounts of any mnemonic at {@code m/44'/60'/0'/0/i}, for a
   * development chain started with its own mnemonic.
   *
   * @throws IllegalArgumentException when {@code count} is not in [0, {@link #ACCOUNT_COUNT_MAX}]
   */
  public static List<KeyPair> accounts(Mnemonic mnemonic, String passphrase, int count) {
    if (count < 0 || count > ACCOUNT_COUNT_MAX) {
      throw new IllegalArgumentException(
          "count: must be in [0, " + ACCOUNT_COUNT_MAX + "], got " + count);
    }
    // The four levels above the accounts are derived once, not once per account.
    ExtendedPrivateKey parent =
        ExtendedPrivateKey.fromSeed(mnemonic.seed(passphrase))
            .derive(DerivationPath.ethereumAccountParent());
    List<KeyPair> accounts = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      accounts.add(parent.child(index).keyPair());
    }
    return Collections.unmodifiableList(accounts);
  }
}
