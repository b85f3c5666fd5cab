package org.xinlian.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;

/**
 * Interoperability with OpenSSL 3 (an independent implementation of PKCS#8, X.509, ECDSA and SM2
 * with the default identity): OpenSSL reads our keys and certificates and verifies our chain; we
 * read OpenSSL's keys and verify its self-signed certificates. Skipped when openssl is absent.
 */
class EcKeyEncodingOpensslTest {
  private static final long PROCESS_SECONDS_MAX = 60;

  @TempDir Path directory;

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-8, CRYPTO-9: OpenSSL parses our private key and certificates and verifies the chain")
  void opensslReadsOurs(TestCurves curve) throws Exception {
    requireOpenssl();
    EcKeyEncoding encoding = curve.encoding();
    KeyPair ca = curve.keyPair("openssl ca");
    KeyPair node = curve.keyPair("openssl node");
    Path key = write("key.pem", encoding.privateKeyToPem(node.privateKey()));
    String keyText = openssl("pkey", "-in", key.toString(), "-noout", "-text");
    assertTrue(keyText.contains("ASN1 OID: " + curve.opensslCurveName()), keyText);
    assertEquals(new BigInteger(1, node.privateKey().bytes()), hexBlock(keyText, "priv"));
    assertEquals(new BigInteger(1, prefixed(node.publicKey())), hexBlock(keyText, "pub"));

    X509Certificate caCertificate = encoding.issueCertificate(curve.caRequest(ca));
    X509Certificate nodeCertificate = encoding.issueCertificate(curve.nodeRequest(node, ca, caCertificate));
    Path caFile = write("ca.pem", encoding.certificateToPem(caCertificate));
    Path nodeFile = write("node.pem", encoding.certificateToPem(nodeCertificate));
    String certificateText = openssl("x509", "-in", nodeFile.toString(), "-noout", "-text");
    assertTrue(certificateText.contains("DNS:node0.xinlian.test"), certificateText);
    assertTrue(certificateText.contains("IP Address:127.0.0.1"), certificateText);
    assertTrue(certificateText.contains("CA:FALSE"), certificateText);
    // -no_check_time: the test must not depend on today's date lying inside the validity window.
    List<String> verify = new ArrayList<>(List.of("verify", "-no_check_time"));
    verify.addAll(distinguishingId(curve, "-vfyopt"));
    verify.addAll(List.of("-CAfile", caFile.toString(), nodeFile.toString()));
    String verdict = openssl(verify.toArray(new String[0]));
    assertTrue(verdict.contains("node.pem: OK"), verdict);
    System.out.println("openssl read the " + curve + " key and verified the " + curve + " certificate chain");
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-8, CRYPTO-9: we read OpenSSL's keys and verify its self-signed certificate")
  void weReadOpenssl(TestCurves curve) throws Exception {
    requireOpenssl();
    EcKeyEncoding encoding = curve.encoding();
    Path key = directory.resolve("openssl-key.pem");
    if (curve == TestCurves.GM) {
      openssl("genpkey", "-algorithm", "SM2", "-out", key.toString());
    } else {
      openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-out", key.toString());
    }
    Path publicKey = directory.resolve("openssl-public.pem");
    openssl("pkey", "-in", key.toString(), "-pubout", "-out", publicKey.toString());
    Path certificate = directory.resolve("openssl-certificate.pem");
    List<String> request = new ArrayList<>(List.of("req", "-x509", "-new", "-key", key.toString(),
        "-subj", "/CN=openssl", "-days", "1", curve == TestCurves.GM ? "-sm3" : "-sha256"));
    request.addAll(distinguishingId(curve, "-sigopt"));
    request.addAll(List.of("-out", certificate.toString()));
    openssl(request.toArray(new String[0]));

    PrivateKey privateKey = encoding.privateKeyFromPem(Files.readString(key));
    PublicKey fromFile = encoding.publicKeyFromPem(Files.readString(publicKey));
    EcCurve ecCurve = EcCurve.named(curve.curveName());
    assertEquals(fromFile, new PublicKey(curve.suite(),
        ecCurve.rawPublicKey(ecCurve.publicPoint(new BigInteger(1, privateKey.bytes())))));
    X509Certificate parsed = encoding.certificateFromPem(Files.readString(certificate));
    assertEquals(fromFile, encoding.certificatePublicKey(parsed));
    assertTrue(encoding.verifyCertificateSignature(parsed, fromFile));
    assertTrue(!encoding.verifyCertificateSignature(parsed, curve.keyPair("not openssl").publicKey()));
  }

  /**
   * OpenSSL 1.1.1 to 3.x signs and verifies SM2 with an empty identity unless told otherwise
   * (openssl/openssl#23162, closed as won't fix), while GB/T 35276 and BouncyCastle default to
   * {@code 1234567812345678}; so the SM2 runs pass that identity explicitly.
   */
  private static List<String> distinguishingId(TestCurves curve, String option) {
    return curve == TestCurves.GM
        ? List.of(option, "distid:" + Sm2.DEFAULT_USER_ID_ASCII)
        : List.of();
  }

  private static void requireOpenssl() {
    try {
      Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean finished = process.waitFor(PROCESS_SECONDS_MAX, TimeUnit.SECONDS);
      Assumptions.assumeTrue(finished && process.exitValue() == 0 && version.startsWith("OpenSSL 3"),
          "skipping OpenSSL interoperability: OpenSSL 3 not available (" + version.strip() + ")");
    } catch (IOException | InterruptedException e) {
      Assumptions.abort("skipping OpenSSL interoperability: openssl is not on the PATH");
    }
  }

  private String openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(PROCESS_SECONDS_MAX, TimeUnit.SECONDS), "openssl did not finish");
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
    return output;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content);
  }

  /** The colon-separated hex block that OpenSSL prints under {@code label:}. */
  private static BigInteger hexBlock(String text, String label) {
    Matcher matcher = Pattern.compile("(?m)^" + label + ":\\s*\\n((?:\\s+[0-9a-f:]+\\n)+)").matcher(text);
    assertTrue(matcher.find(), "no " + label + " block in\n" + text);
    return new BigInteger(matcher.group(1).replaceAll("[\\s:]", ""), 16);
  }

  private static byte[] prefixed(PublicKey key) {
    byte[] out = new byte[65];
    out[0] = 0x04;
    System.arraycopy(key.bytes(), 0, out, 1, 64);
    return out;
  }
}
