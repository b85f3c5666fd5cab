package org.xinlian.crypto.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.jsse.BCX509ExtendedKeyManager;
import org.bouncycastle.jsse.BCX509Key;

/**
 * Presents the one SM2 TLS key and its certificate chain to BouncyCastle's TLS on gm chains
 * (docs/adr/0015-gm-tls-rfc8998.md). Why our own: BCJSSE's standard key manager, and its check of
 * keys that a plain JDK key manager picks, know no {@code curveSM2} key filter, so neither ever
 * selects an SM2 key for {@code sm2sig_sm3} (bcgit/bc-java#2416). This one answers every request
 * for an EC key with the one key, so
 * a certificate from a wrong CA is still presented and refused by the other side under its reason
 * (P2P's TransportKeyManager does the same on standard chains).
 */
final class Sm2KeyManager extends BCX509ExtendedKeyManager {
  private static final String ALIAS = "transport";
  /** BouncyCastle names TLS 1.3 EC key types "EC" or "EC/" + the curve's group name. */
  private static final String EC_KEY_TYPE = "EC";

  private final PrivateKey key;
  private final X509Certificate[] chain;

  Sm2KeyManager(PrivateKey key, List<X509Certificate> chain) {
    this.key = key;
    this.chain = chain.toArray(X509Certificate[]::new);
  }

  private BCX509Key choose(String... keyTypes) {
    if (keyTypes == null) {
      return null;
    }
    for (String keyType : keyTypes) {
      if (keyType != null && (keyType.equals(EC_KEY_TYPE) || keyType.startsWith(EC_KEY_TYPE + "/"))) {
        return new Sm2Key(keyType, key, chain.clone());
      }
    }
    return null;
  }

  private String alias(String... keyTypes) {
    return choose(keyTypes) == null ? null : ALIAS;
  }

  @Override
  public BCX509Key chooseEngineServerKeyBC(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return choose(keyTypes);
  }

  @Override
  public BCX509Key chooseEngineClientKeyBC(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return choose(keyTypes);
  }

  @Override
  public BCX509Key chooseServerKeyBC(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes);
  }

  @Override
  public BCX509Key chooseClientKeyBC(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes);
  }

  @Override
  protected BCX509Key getKeyBC(String keyType, String alias) {
    return ALIAS.equals(alias) ? choose(keyType) : null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return alias(keyTypes);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return alias(keyType);
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return alias(keyTypes);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return alias(keyType);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  private record Sm2Key(String keyType, PrivateKey privateKey, X509Certificate[] certificateChain)
      implements BCX509Key {
    @Override
    public X509Certificate[] getCertificateChain() {
      return certificateChain.clone();
    }

    @Override
    public String getKeyType() {
      return keyType;
    }

    @Override
    public PrivateKey getPrivateKey() {
      return privateKey;
    }
  }
}
