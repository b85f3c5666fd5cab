package org.xinlian.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.keystore.KeyFileParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian key new}: a fresh key pair, written encrypted. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a key pair and write it to a password-encrypted key file.",
      "",
      "Prints the suite, the address and the file's path. The file is created with permissions "
          + "0600 where the file system supports them, and an existing file is never overwritten. "
          + "Without --password-file the password is asked twice on the terminal; empty passwords "
          + "are refused."
    })
final class KeyNewCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(
      names = "--suite",
      required = true,
      converter = SuiteNameConverter.class,
      paramLabel = "SUITE",
      description = "standard (secp256k1, Ethereum's format) or gm (SM2, SM3, SM4).")
  String suite;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the key file (default: UTC--<time>--<address> in the current directory).")
  Path out;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE instead of asking twice on the terminal.")
  Path passwordFile;

  @Option(
      names = "--scrypt-n",
      paramLabel = "N",
      defaultValue = "262144",
      description = "scrypt cost, a power of two (default: ${DEFAULT-VALUE}, as geth and ethers.js).%n"
          + "Lower values make the password much cheaper to guess: only for throwaway test keys.")
  int scryptN;

  KeyNewCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    if (out != null && Files.exists(environment.resolve(out))) {
      // Checked before asking for a password; creation below still refuses atomically.
      throw new FileAlreadyExistsException(environment.resolve(out).toString());
    }
    KeyFileParameters parameters =
        new KeyFileParameters(scryptN, KeyFileParameters.DEFAULT.scryptR(), KeyFileParameters.DEFAULT.scryptP());
    char[] password =
        passwordFile != null ? Passwords.fromFile(environment, passwordFile) : Passwords.askNew(environment);
    CryptoSuite cryptoSuite = CryptoSuites.byName(suite);
    KeyPair keyPair = cryptoSuite.generateKeyPair(environment.random());
    Address address = cryptoSuite.address(keyPair.publicKey());
    String json;
    try {
      json = KeyFile.encrypt(cryptoSuite, keyPair.privateKey(), password, parameters, environment.random());
    } finally {
      Arrays.fill(password, '\0');
    }
    Path file =
        out != null
            ? environment.resolve(out)
            : environment.workingDirectory().resolve(defaultFileName(address));
    writePrivately(file, json);
    environment.out().println("suite:   " + suite);
    environment.out().println("address: " + KeyCommand.formatAddress(suite, address));
    environment.out().println("file:    " + file);
    return 0;
  }

  /** geth's name, {@code UTC--2016-03-22T12-57-55.920000000Z--<address>}: sortable by creation. */
  private String defaultFileName(Address address) {
    ZonedDateTime time =
        Instant.ofEpochMilli(environment.clock().currentTimeMillis()).atZone(ZoneOffset.UTC);
    String stamp =
        String.format(
            "%04d-%02d-%02dT%02d-%02d-%02d.%09dZ",
            time.getYear(), time.getMonthValue(), time.getDayOfMonth(),
            time.getHour(), time.getMinute(), time.getSecond(), time.getNano());
    return "UTC--" + stamp + "--" + Hex.encodeBare(address.toArray());
  }

  /**
   * Creates the file with owner-only permissions from the start (no window in which others could
   * read it) and refuses to replace an existing file, which may hold another key.
   */
  static void writePrivately(Path file, String json) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
