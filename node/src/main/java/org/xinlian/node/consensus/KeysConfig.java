package org.xinlian.node.consensus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the node's key passphrase and hardware key come from (the {@code keys} section of the
 * node configuration, docs/ops/keys.md, docs/adr/0016-node-keys-hsm-and-revocation.md). An
 * encrypted node key file (Web3 Secret Storage v3, or its gm variant) and an encrypted transport
 * key (PKCS#8) open with one passphrase, read from a file, an environment variable, or asked on
 * the terminal ({@code xinlian node --ask-passphrase}); at most one of them is configured. With
 * {@code pkcs11} the node key stays in a PKCS#11 token instead of a file.
 *
 * @param passphraseFile a file whose first line is the passphrase
 * @param passphraseEnv the name of an environment variable holding the passphrase
 * @param prompt asks the operator; set by the command line, never by the file
 * @param pkcs11 the token holding the node key
 * @param crlDirectory where the organisations' certificate revocation lists are (every {@code
 *     *.pem} in it), read at start and again whenever they change
 * @param crlReloadIntervalMs how often the node looks for changed lists, {@link
 *     #CRL_RELOAD_INTERVAL_MS_MIN} to {@link #CRL_RELOAD_INTERVAL_MS_MAX}
 */
public record KeysConfig(
    Optional<Path> passphraseFile,
    Optional<String> passphraseEnv,
    Optional<PassphrasePrompt> prompt,
    Optional<Pkcs11Key> pkcs11,
    Optional<Path> crlDirectory,
    long crlReloadIntervalMs) {
  /** A revocation is in force on every node within this long of the new list's arrival. */
  public static final long CRL_RELOAD_INTERVAL_MS_DEFAULT = 10_000;
  public static final long CRL_RELOAD_INTERVAL_MS_MIN = 100;
  public static final long CRL_RELOAD_INTERVAL_MS_MAX = 3_600_000;
  /** A passphrase or PIN file holds one line; anything larger is a wrong path. */
  public static final int SECRET_FILE_BYTES_MAX = 4096;
  /** POSIX-portable environment variable names, of a sane length. */
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /** Asks the operator for a secret, without echo. */
  @FunctionalInterface
  public interface PassphrasePrompt {
    /** The typed secret, or empty when there is no terminal to ask on. */
    Optional<char[]> ask(String prompt);
  }

  /**
   * The node key in a PKCS#11 token (standard suite only, OPS-32).
   *
   * @param configFile the SunPKCS11 configuration naming the token's library and slot
   * @param alias the label of the key and its certificate in the token
   * @param pinFile a file whose first line is the user PIN
   * @param pinEnv the name of an environment variable holding the user PIN
   */
  public record Pkcs11Key(Path configFile, String alias, Optional<Path> pinFile,
      Optional<String> pinEnv) {
    public Pkcs11Key {
      Objects.requireNonNull(configFile, "keys.pkcs11.configFile");
      Objects.requireNonNull(pinFile, "keys.pkcs11.pinFile");
      Objects.requireNonNull(pinEnv, "keys.pkcs11.pinEnv");
      if (alias == null || alias.isEmpty()) {
        throw new IllegalArgumentException("keys.pkcs11.alias: required");
      }
      if (pinFile.isPresent() == pinEnv.isPresent()) {
        throw new IllegalArgumentException("keys.pkcs11: exactly one of pinFile and pinEnv");
      }
      pinEnv.ifPresent(name -> requireEnvName("keys.pkcs11.pinEnv", name));
    }

    /** The PIN from its file or variable. */
    char[] pin() {
      return pinFile.isPresent() ? secretFile("keys.pkcs11.pinFile", pinFile.get())
          : secretEnv("keys.pkcs11.pinEnv", pinEnv.orElseThrow());
    }
  }

  public KeysConfig {
    Objects.requireNonNull(passphraseFile, "keys.passphraseFile");
    Objects.requireNonNull(passphraseEnv, "keys.passphraseEnv");
    Objects.requireNonNull(prompt, "keys.prompt");
    Objects.requireNonNull(pkcs11, "keys.pkcs11");
    Objects.requireNonNull(crlDirectory, "keys.crlDirectory");
    if (crlReloadIntervalMs < CRL_RELOAD_INTERVAL_MS_MIN
        || crlReloadIntervalMs > CRL_RELOAD_INTERVAL_MS_MAX) {
      throw new IllegalArgumentException("keys.crlReloadIntervalMs: must be "
          + CRL_RELOAD_INTERVAL_MS_MIN + " to " + CRL_RELOAD_INTERVAL_MS_MAX + ", got "
          + crlReloadIntervalMs);
    }
    int sources = (passphraseFile.isPresent() ? 1 : 0) + (passphraseEnv.isPresent() ? 1 : 0)
        + (prompt.isPresent() ? 1 : 0);
    if (sources > 1) {
      throw new IllegalArgumentException("keys: at most one of passphraseFile, passphraseEnv and "
          + "--ask-passphrase");
    }
    passphraseEnv.ifPresent(name -> requireEnvName("keys.passphraseEnv", name));
  }

  /** No passphrase, no token: plain key files, as a development network has them. */
  public static KeysConfig none() {
    return new KeysConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), CRL_RELOAD_INTERVAL_MS_DEFAULT);
  }

  /** These settings with the passphrase asked on the terminal instead. */
  public KeysConfig withPrompt(PassphrasePrompt value) {
    return new KeysConfig(Optional.empty(), Optional.empty(), Optional.of(value), pkcs11,
        crlDirectory, crlReloadIntervalMs);
  }

  /** Whether a passphrase source is configured. */
  public boolean hasPassphrase() {
    return passphraseFile.isPresent() || passphraseEnv.isPresent() || prompt.isPresent();
  }

  /**
   * The passphrase from its source, for the encrypted file named by {@code field}.
   *
   * @throws IllegalArgumentException if none is configured or the source is empty or unreadable
   */
  public char[] passphrase(String field, Path encryptedFile) {
    if (passphraseFile.isPresent()) {
      return secretFile("keys.passphraseFile", passphraseFile.get());
    }
    if (passphraseEnv.isPresent()) {
      return secretEnv("keys.passphraseEnv", passphraseEnv.get());
    }
    if (prompt.isPresent()) {
      char[] typed = prompt.get().ask("Passphrase of the node keys: ").orElseThrow(() ->
          new IllegalArgumentException("--ask-passphrase: no terminal to ask on"));
      if (typed.length == 0) {
        throw new IllegalArgumentException("--ask-passphrase: empty passphrase");
      }
      return typed;
    }
    throw new IllegalArgumentException(field + ": " + encryptedFile + " is encrypted; set "
        + "keys.passphraseFile or keys.passphraseEnv, or start with --ask-passphrase");
  }

  private static void requireEnvName(String field, String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(field + ": '" + name + "' is not an environment variable name");
    }
  }

  /** The first line of a file, without its terminator (so a secret may end in spaces). */
  static char[] secretFile(String field, Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(SECRET_FILE_BYTES_MAX + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(field + ": cannot read " + file + ": " + e.getMessage(), e);
    }
    if (bytes.length > SECRET_FILE_BYTES_MAX) {
      throw new IllegalArgumentException(field + ": " + file + " is larger than "
          + SECRET_FILE_BYTES_MAX + " bytes");
    }
    String content = new String(bytes, StandardCharsets.UTF_8);
    java.util.Arrays.fill(bytes, (byte) 0);
    int end = content.indexOf('\n');
    String line = end < 0 ? content : content.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new IllegalArgumentException(field + ": " + file + " is empty");
    }
    return line.toCharArray();
  }

  static char[] secretEnv(String field, String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + ": environment variable " + name
          + " is not set or empty");
    }
    return value.toCharArray();
  }
}
