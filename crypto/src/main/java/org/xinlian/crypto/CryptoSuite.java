package org.xinlian.crypto;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * Everything a chain needs from cryptography, for one suite. Obtain one from {@link CryptoSuites};
 * implementations are stateless and safe to share between threads.
 *
 * <p>Signing works on a 32-byte digest that the caller computed with {@link #hash}: transactions,
 * votes and certificates all sign {@code hash(encoding)}. On gm chains SM2 then signs that digest
 * as its message (so SM2 computes {@code SM3(Z || digest)} with the default identity), which keeps
 * one calling convention for both suites.
 */
public interface CryptoSuite {
  /** Length in bytes of {@link #hash} output, of private keys, and of each signature scalar. */
  int HASH_LENGTH = 32;

  /** Length of a public key in the raw form this API uses: {@code x || y}, no prefix. */
  int PUBLIC_KEY_LENGTH = 64;

  /** Nonce length of {@link #encrypt}: 12 bytes, the GCM standard. */
  int NONCE_LENGTH = 12;

  /** Authentication tag appended by {@link #encrypt}: 16 bytes. */
  int TAG_LENGTH = 16;

  /** {@code "standard"} or {@code "gm"}: the name written in genesis files and key files. */
  String name();

  /** Keccak-256 on standard chains, SM3 on gm chains. */
  byte[] hash(byte[] data);

  /** {@link #hash} of a slice, without copying it. */
  byte[] hash(byte[] data, int offset, int length);

  /** {@link #hash} as a {@link Hash} value. */
  default Hash hashOf(byte[] data) {
    return Hash.wrap(hash(data));
  }

  /** A fresh key pair. The caller supplies the entropy source explicitly. */
  KeyPair generateKeyPair(SecureRandom random);

  /**
   * The key pair for a 32-byte big-endian private scalar; rejects zero and values not below the
   * curve order with a {@link org.xinlian.common.DecodingException}.
   */
  KeyPair keyPairFromPrivateKey(byte[] privateKey);

  /**
   * A public key from its raw 64-byte form, the 65-byte {@code 04}-prefixed form or the 33-byte
   * compressed form; rejects points not on the curve.
   */
  PublicKey publicKeyFromBytes(byte[] encoded);

  /** Signs a 32-byte digest (deterministic nonce, RFC 6979, where the scheme allows it). */
  Signature sign(PrivateKey key, byte[] digest);

  /**
   * Verifies a signature over a 32-byte digest. Standard chains also require the canonical low-S
   * form, as Ethereum does for transactions.
   */
  boolean verify(PublicKey key, byte[] digest, Signature signature);

  /** How a verifier learns who signed; see {@link SignerIdentification}. */
  SignerIdentification signerIdentification();

  /**
   * The public key that produced {@code signature} over {@code digest}: recovered from the
   * signature on standard chains; on gm chains the embedded key, after the signature verified.
   *
   * @throws InvalidSignatureException if no key can be recovered or the signature does not verify
   */
  PublicKey recoverSigner(byte[] digest, Signature signature);

  /** The last 20 bytes of {@link #hash} of the raw 64-byte public key. */
  Address address(PublicKey key);

  /**
   * The compact byte form of a signature: {@code r || s || recoveryId} (65 bytes) on standard
   * chains, {@code r || s || publicKey} (128 bytes) on gm chains.
   */
  byte[] encodeSignature(Signature signature);

  /** Inverse of {@link #encodeSignature}; rejects other lengths and out-of-range scalars. */
  Signature decodeSignature(byte[] encoded);

  /** Key length of {@link #encrypt}: 32 bytes for AES-256-GCM, 16 for SM4-GCM. */
  int symmetricKeyLength();

  /**
   * Authenticated encryption: AES-256-GCM (standard, the JDK's intrinsic implementation) or
   * SM4-GCM (gm). Returns the ciphertext followed by the 16-byte tag.
   */
  byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData);

  /**
   * Inverse of {@link #encrypt}.
   *
   * @throws AuthenticationFailedException if the tag does not match (wrong key, nonce, data or AAD)
   */
  byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextWithTag, byte[] associatedData);

  /** HMAC-SHA256 on standard chains, HMAC-SM3 on gm chains. */
  byte[] hmac(byte[] key, byte[] data);

  /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) of a private key of this suite. */
  String privateKeyToPem(PrivateKey key);

  /** Inverse of {@link #privateKeyToPem}; rejects other curves and malformed PEM. */
  PrivateKey privateKeyFromPem(String pem);

  /** X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}). */
  String publicKeyToPem(PublicKey key);

  /** Inverse of {@link #publicKeyToPem}. */
  PublicKey publicKeyFromPem(String pem);

  /**
   * Issues an X.509 certificate signed with this suite's algorithm (ECDSA-with-SHA256 on
   * secp256k1, or SM2-with-SM3): a self-signed CA when the request names no issuer certificate.
   */
  X509Certificate issueCertificate(CertificateRequest request);

  /** PEM ({@code -----BEGIN CERTIFICATE-----}) of a certificate. */
  String certificateToPem(X509Certificate certificate);

  /** Parses one PEM certificate; rejects malformed input. */
  X509Certificate certificateFromPem(String pem);

  /** The public key of a certificate issued for this suite's curve. */
  PublicKey certificatePublicKey(X509Certificate certificate);

  /** True when {@code certificate} carries a valid signature by {@code issuerKey}. */
  boolean verifyCertificateSignature(X509Certificate certificate, PublicKey issuerKey);

  /**
   * An X.509 v2 certificate revocation list signed by a CA of this suite (docs/adr/0016): how an
   * organisation revokes its node certificates.
   */
  java.security.cert.X509CRL issueRevocationList(RevocationListRequest request, KeyPair issuerKeyPair);

  /** True when {@code crl} carries a valid signature of this suite by {@code issuerKey}. */
  boolean verifyRevocationListSignature(java.security.cert.X509CRL crl, PublicKey issuerKey);

  /** PEM ({@code -----BEGIN X509 CRL-----}) of a revocation list. */
  String revocationListToPem(java.security.cert.X509CRL crl);

  /** Parses one PEM revocation list; rejects malformed input. */
  java.security.cert.X509CRL revocationListFromPem(String pem);
}
