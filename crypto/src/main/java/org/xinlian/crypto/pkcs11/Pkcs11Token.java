package org.xinlian.crypto.pkcs11;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECPrivateKeySpec;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.login.LoginException;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.NodeSigner;
import org.xinlian.crypto.PrivateKey;

/**
 * One PKCS#11 token (an HSM, or SoftHSM in tests) opened through the JDK's SunPKCS11 provider
 * (docs/adr/0016-node-keys-hsm-and-revocation.md). The provider is configured for this token only
 * and never registered with {@link Security#addProvider}: a global provider would change what
 * every other {@code getInstance} call in the process returns.
 *
 * <p>Keys are found by alias, the PKCS#11 label the JDK's PKCS11 key store shows; that key store
 * lists a private key only together with its certificate (same {@code CKA_ID}), and the
 * certificate is also where the public key comes from. Private keys never leave the token.
 */
public final class Pkcs11Token implements AutoCloseable {
  /** A SunPKCS11 configuration is a few lines; anything larger is a wrong path. */
  public static final long CONFIG_FILE_BYTES_MAX = 64 * 1024;
  /** Longest alias accepted (PKCS#11 labels are short strings). */
  public static final int ALIAS_CHARACTERS_MAX = 128;
  /** How many aliases an error message lists. */
  static final int ALIASES_LISTED_MAX = 16;

  private final Provider provider;
  private final KeyStore store;
  private final Path configFile;

  private Pkcs11Token(Provider provider, KeyStore store, Path configFile) {
    this.provider = provider;
    this.store = store;
    this.configFile = configFile;
  }

  /**
   * Opens the token a SunPKCS11 configuration file names and logs in with {@code pin}.
   *
   * @throws IllegalArgumentException naming the file for an unreadable or invalid configuration,
   *     a missing library or a wrong PIN
   */
  public static Pkcs11Token open(Path configFile, char[] pin) {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(pin, "pin");
    try {
      if (Files.size(configFile) > CONFIG_FILE_BYTES_MAX) {
        throw new IllegalArgumentException("pkcs11 configuration " + configFile
            + " is larger than " + CONFIG_FILE_BYTES_MAX + " bytes");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("pkcs11 configuration: cannot read " + configFile + ": "
          + e.getMessage(), e);
    }
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new IllegalStateException("this JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
    }
    Provider provider;
    try {
      provider = base.configure(configFile.toString());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("pkcs11 configuration " + configFile + " is not usable: "
          + rootMessage(e), e);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
      return new Pkcs11Token(provider, store, configFile);
    } catch (IOException e) {
      if (hasCause(e, LoginException.class) || hasCause(e, java.security.UnrecoverableKeyException.class)) {
        throw new IllegalArgumentException("pkcs11 token of " + configFile + ": wrong PIN", e);
      }
      throw new IllegalArgumentException("pkcs11 token of " + configFile + ": cannot open: "
          + rootMessage(e), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("pkcs11 token of " + configFile + ": cannot open: "
          + rootMessage(e), e);
    }
  }

  /**
   * The node signer of the token's key {@code alias} on the chain's suite. Only the standard
   * suite (secp256k1) is supported: the JDK's provider knows no SM2 mechanism, so gm chains with
   * hardware keys use a remote signer (docs/ops/keys.md). The key is checked against its
   * certificate by one signature before this returns.
   *
   * @throws IllegalArgumentException for an unknown alias, a gm suite, or a key that does not
   *     match its certificate
   */
  public NodeSigner nodeSigner(String alias, CryptoSuite suite) {
    Objects.requireNonNull(suite, "suite");
    if (!suite.name().equals(CryptoSuites.STANDARD)) {
      throw new IllegalArgumentException("pkcs11: the JDK's PKCS#11 provider has no SM2 mechanism;"
          + " gm chains keep hardware keys behind a remote signer (docs/ops/keys.md)");
    }
    java.security.PrivateKey key = privateKey(alias);
    X509Certificate certificate = certificate(alias);
    org.xinlian.crypto.PublicKey publicKey;
    try {
      publicKey = suite.certificatePublicKey(certificate);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("pkcs11 alias '" + alias + "': its certificate holds no "
          + suite.name() + " key: " + e.getMessage(), e);
    }
    Pkcs11NodeSigner signer = new Pkcs11NodeSigner(suite, provider, key, publicKey, alias);
    signer.sign(suite.hash(("xinlian pkcs11 self-test " + alias).getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    return signer;
  }

  /**
   * Signs {@code data} with the token's P-256 key {@code alias}: ECDSA with SHA-256, the 64-byte
   * {@code r || s} form (IEEE P1363) with s normalised low, which the transport certificate's
   * public key verifies.
   */
  public byte[] signP256(String alias, byte[] data) {
    Objects.requireNonNull(data, "data");
    java.security.PrivateKey key = privateKey(alias);
    try {
      java.security.Signature signature =
          java.security.Signature.getInstance("SHA256withECDSAinP1363Format", provider);
      signature.initSign(key);
      signature.update(data);
      return EcdsaScalars.lowS(signature.sign(), EcdsaScalars.P256_ORDER);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoException("pkcs11 alias '" + alias + "': cannot sign: " + rootMessage(e), e);
    }
  }

  /** The certificate stored with {@code alias}. */
  public X509Certificate certificate(String alias) {
    checkAlias(alias);
    try {
      Certificate certificate = store.getCertificate(alias);
      if (!(certificate instanceof X509Certificate x509)) {
        throw new IllegalArgumentException("pkcs11 token of " + configFile + ": no certificate "
            + "with alias '" + alias + "'; aliases: " + aliases());
      }
      return x509;
    } catch (java.security.KeyStoreException e) {
      throw new IllegalArgumentException("pkcs11 token of " + configFile + ": " + rootMessage(e), e);
    }
  }

  /**
   * Stores a node key of the standard suite with its certificate under {@code alias} (for
   * operators migrating a key file into a token, and for tests; keys generated inside the HSM are
   * better). The key is stored sensitive and unextractable.
   */
  public void importNodeKey(String alias, CryptoSuite suite, PrivateKey key,
      X509Certificate certificate) {
    checkAlias(alias);
    if (!suite.name().equals(CryptoSuites.STANDARD) || !key.suite().equals(suite.name())) {
      throw new IllegalArgumentException("pkcs11: only standard-suite (secp256k1) node keys");
    }
    byte[] scalar = key.bytes();
    try {
      java.security.PrivateKey jcaKey = KeyFactory.getInstance("EC").generatePrivate(
          new ECPrivateKeySpec(new BigInteger(1, scalar), EcdsaScalars.SECP256K1));
      store(alias, jcaKey, certificate);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("pkcs11: cannot import the node key: " + rootMessage(e), e);
    } finally {
      java.util.Arrays.fill(scalar, (byte) 0);
    }
  }

  /** Stores a P-256 transport key with its certificate under {@code alias}. */
  public void importTransportKey(String alias, java.security.PrivateKey key,
      X509Certificate certificate) {
    checkAlias(alias);
    store(alias, key, certificate);
  }

  private void store(String alias, java.security.PrivateKey key, X509Certificate certificate) {
    try {
      store.setEntry(alias, new KeyStore.PrivateKeyEntry(key, new Certificate[] {certificate}),
          null);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("pkcs11: cannot store alias '" + alias + "': " + rootMessage(e), e);
    }
  }

  private java.security.PrivateKey privateKey(String alias) {
    checkAlias(alias);
    try {
      Key key = store.getKey(alias, null);
      if (!(key instanceof java.security.PrivateKey privateKey)) {
        throw new IllegalArgumentException("pkcs11 token of " + configFile + ": no private key "
            + "with alias '" + alias + "'; aliases: " + aliases());
      }
      return privateKey;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("pkcs11 token of " + configFile + ": " + rootMessage(e), e);
    }
  }

  private List<String> aliases() {
    try {
      List<String> all = Collections.list(store.aliases());
      return all.size() > ALIASES_LISTED_MAX ? all.subList(0, ALIASES_LISTED_MAX) : all;
    } catch (java.security.KeyStoreException e) {
      return List.of();
    }
  }

  private static void checkAlias(String alias) {
    if (alias == null || alias.isEmpty() || alias.length() > ALIAS_CHARACTERS_MAX) {
      throw new IllegalArgumentException("pkcs11 alias: 1 to " + ALIAS_CHARACTERS_MAX
          + " characters");
    }
  }

  /**
   * Logs out of the token; signers of this token fail afterwards. A PKCS#11 login belongs to the
   * whole process, so this logs out every {@code Pkcs11Token} of the same library.
   */
  @Override
  public void close() {
    if (provider instanceof AuthProvider auth) {
      try {
        auth.logout();
      } catch (LoginException e) {
        // Already logged out or the token is gone: either way nothing stays open.
      }
    }
  }

  static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure ? String.valueOf(failure.getMessage())
        : failure.getMessage() + " (" + root + ")";
  }
}
