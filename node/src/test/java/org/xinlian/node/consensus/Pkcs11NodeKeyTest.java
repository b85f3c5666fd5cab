package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.consensus.message.Vote;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.NodeSigner;
import org.xinlian.crypto.pkcs11.Pkcs11Token;

/**
 * {@code keys.pkcs11} (OPS-32): the node's signer comes from a real SoftHSM token, and the
 * consensus votes it signs recover to the node's validator address; a wrong PIN stops the start
 * with a message naming the field.
 */
class Pkcs11NodeKeyTest {
  private static final CryptoSuite SUITE = CryptoSuites.standard();
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2045-01-01T00:00:00Z");

  @TempDir Path directory;

  @Test
  void votesSignedInTheTokenRecoverToTheNodeAndAWrongPinIsRefused() throws Exception {
    Path providerConfig = SoftHsm.providerConfig();
    SecureRandom random = new SecureRandom();
    KeyPair ca = SUITE.generateKeyPair(random);
    X509Certificate caCertificate = SUITE.issueCertificate(new CertificateRequest("CN=org1 CA",
        ca.publicKey(), ca, null, BigInteger.ONE, START, END, true, List.of(), List.of()));
    KeyPair nodeKey = SUITE.generateKeyPair(random);
    try (Pkcs11Token token = Pkcs11Token.open(providerConfig, SoftHsm.PIN.toCharArray())) {
      token.importNodeKey("validator0", SUITE, nodeKey.privateKey(), SUITE.issueCertificate(
          new CertificateRequest("CN=validator0", nodeKey.publicKey(), ca, caCertificate,
              BigInteger.TWO, START, END, false, List.of(), List.of())));
    }
    Path pinFile = Files.writeString(directory.resolve("pin"), SoftHsm.PIN + "\n");
    KeysConfig keys = new KeysConfig(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(new KeysConfig.Pkcs11Key(providerConfig, "validator0", Optional.of(pinFile),
            Optional.empty())), Optional.empty(), KeysConfig.CRL_RELOAD_INTERVAL_MS_DEFAULT);

    NodeSigner signer;
    try (CredentialFiles.Unlock unlock = new CredentialFiles.Unlock(keys)) {
      signer = CredentialFiles.nodeSigner(null, keys, unlock, SUITE);
    }
    assertEquals(nodeKey.publicKey(), signer.publicKey());
    MessageSigner consensus = new MessageSigner(SUITE, signer);
    Hash block = Hash.wrap(SUITE.hash(new byte[] {1, 2, 3}));
    Vote commit = consensus.commit(7, 0, block);
    byte[] digest = ConsensusSignatures.commitDigest(SUITE, 7, 0, block);
    assertEquals(SUITE.address(nodeKey.publicKey()),
        SUITE.address(SUITE.recoverSigner(digest, commit.signature())));

    // A PKCS#11 login holds for the process: log out so the wrong PIN is really checked.
    Pkcs11Token.open(providerConfig, SoftHsm.PIN.toCharArray()).close();
    Files.writeString(pinFile, "0000\n");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> {
      try (CredentialFiles.Unlock unlock = new CredentialFiles.Unlock(keys)) {
        CredentialFiles.nodeSigner(null, keys, unlock, SUITE);
      }
    });
    assertTrue(refused.getMessage().startsWith("keys.pkcs11: pkcs11 token of " + providerConfig)
        && refused.getMessage().endsWith(": wrong PIN"), refused.getMessage());
  }
}
