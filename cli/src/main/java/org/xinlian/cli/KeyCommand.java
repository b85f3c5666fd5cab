package org.xinlian.cli;

import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.crypto.CryptoSuites;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian key}: password-encrypted key files. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = {
      "Create and inspect password-encrypted key files.",
      "",
      "Standard keys are Web3 Secret Storage v3 files that geth, ethers.js and web3j open; gm keys "
          + "use the same layout with SM4 and SM3 (docs/spec/keystore-gm.md)."
    },
    subcommands = {CommandLine.HelpCommand.class, KeyNewCommand.class, KeyShowCommand.class,
        KeyImportCommand.class})
final class KeyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * How an address is shown: EIP-55 mixed case on standard chains, as wallets display it; plain
   * lower case on gm chains, whose addresses come from SM3, so a Keccak checksum would mislead.
   */
  static String formatAddress(String suite, Address address) {
    return CryptoSuites.STANDARD.equals(suite)
        ? ChecksumAddress.format(address)
        : Hex.encode(address.toArray());
  }
}
