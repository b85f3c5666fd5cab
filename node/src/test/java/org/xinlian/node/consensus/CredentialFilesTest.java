package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

/**
 * NODE-8 with the CAs of several organisations (docs/spec/governance.md GOV-1): a CA file of the
 * {@code p2p} section holds one certificate or a bundle, one per organisation, read strictly.
 */
class CredentialFilesTest {
  private static final CryptoSuite SUITE = CryptoSuites.gm();
  private final SecureRandom random = new SecureRandom();

  @TempDir Path directory;

  private String authority(String name) {
    KeyPair key = SUITE.generateKeyPair(random);
    Instant now = Instant.now();
    return SUITE.certificateToPem(SUITE.issueCertificate(new CertificateRequest("CN=" + name + " CA",
        key.publicKey(), key, null, BigInteger.ONE, now, now.plus(Duration.ofDays(1)), true, List.of(), List.of())));
  }

  private List<X509Certificate> read(String text) throws Exception {
    Path file = directory.resolve("bundle.pem");
    Files.writeString(file, text);
    return CredentialFiles.consortiumAuthorities(file, SUITE);
  }

  @Test
  void aBundleHoldsEveryOrganisationsCaInOrder() throws Exception {
    String first = authority("org1");
    String second = authority("org2");
    List<X509Certificate> one = read(first);
    assertEquals(1, one.size());
    List<X509Certificate> both = read(first + "\n" + second);
    assertEquals(List.of("CN=org1 CA", "CN=org2 CA"),
        both.stream().map(certificate -> certificate.getSubjectX500Principal().getName()).toList());
  }

  @Test
  void anythingButCertificatesIsRefusedNamingTheFieldAndPlace() throws Exception {
    String first = authority("org1");
    String second = authority("org2");
    assertRefused(first + "garbage\n" + second, "p2p.consortiumCaFile", "after certificate 1");
    assertRefused("\n \n", "p2p.consortiumCaFile", "holds no PEM certificate");
    assertRefused(first + second.substring(0, second.length() - 30), "p2p.consortiumCaFile",
        "certificate 2 has no -----END CERTIFICATE----- line");
    String broken = second.replace(second.substring(100, 110), "!!!!!!!!!!");
    assertRefused(first + broken, "p2p.consortiumCaFile", "certificate 2 is not valid");
    CryptoSuite other = CryptoSuites.standard();
    KeyPair otherKey = other.generateKeyPair(random);
    String standard = other.certificateToPem(other.issueCertificate(new CertificateRequest("CN=other suite CA",
        otherKey.publicKey(), otherKey, null, BigInteger.ONE, Instant.now(), Instant.now().plusSeconds(60), true,
        List.of(), List.of())));
    assertRefused(first + standard, "p2p.consortiumCaFile", "certificate 2 is not valid");
  }

  private void assertRefused(String text, String field, String part) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> read(text));
    assertTrue(refused.getMessage().startsWith(field + ": "), refused.getMessage());
    assertTrue(refused.getMessage().contains(part), refused.getMessage());
  }
}
