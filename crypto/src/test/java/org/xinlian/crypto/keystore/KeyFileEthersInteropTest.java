package org.xinlian.crypto.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hex;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

/**
 * KEYSTORE-GM-1: ethers.js v6 (version pinned in interop-keystore/package-lock.json) opens the
 * standard key files Xinlian writes, and Xinlian opens the ones ethers writes. ethers is an
 * independent implementation, so agreement on address and key is the oracle.
 */
class KeyFileEthersInteropTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PASSWORD = "interop p\u00e4ssword \u4fe1\u94fe";
  private static final long NODE_SECONDS_MAX = 300;

  private static Path project;
  private static int cases;

  @TempDir static Path work;

  @BeforeAll
  static void requireNode() throws Exception {
    project = Paths.get(System.getProperty("project.root", "..")).resolve("interop-keystore");
    boolean required = "true".equals(System.getProperty("oracles.required"));
    if (!commandWorks("node", "--version") || !commandWorks("npm", "--version")) {
      String message = "Node.js and npm are needed for the ethers.js key-file interop test";
      if (required) {
        fail(message + " (oracles.required=true)");
      }
      Assumptions.abort(message + "; skipped");
    }
    if (!Files.isDirectory(project.resolve("node_modules").resolve("ethers"))) {
      Output output = run(project, "npm", "ci", "--no-audit", "--no-fund");
      if (output.exitCode() != 0) {
        fail("npm ci in " + project + " failed: " + output.stderr());
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println("ethers.js key-file interop: " + cases + " cases, " + cases + " agreed");
  }

  private final SecureRandom random = new SecureRandom();

  @Test
  void ethersOpensOurFiles() throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    for (KeyFileParameters parameters : List.of(KeyFileParameters.light(), KeyFileParameters.DEFAULT)) {
      KeyPair keyPair = suite.generateKeyPair(random);
      String json =
          KeyFile.encrypt(suite, keyPair.privateKey(), PASSWORD.toCharArray(), parameters, random);
      Path file = Files.writeString(work.resolve("ours-" + parameters.scryptN() + ".json"), json);
      JsonNode opened = MAPPER.readTree(ethers("decrypt", file.toString(), passwordFile().toString()));
      assertEquals(
          ChecksumAddress.format(suite.address(keyPair.publicKey())), opened.get("address").textValue());
      assertEquals(Hex.encode(keyPair.privateKey().bytes()), opened.get("privateKey").textValue());
      cases++;
    }
  }

  @Test
  void weOpenEthersFiles() throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    for (int i = 0; i < 3; i++) {
      KeyPair keyPair = suite.generateKeyPair(random);
      String json =
          ethers("encrypt", Hex.encode(keyPair.privateKey().bytes()), passwordFile().toString(), "1024");
      DecryptedKey decrypted = KeyFile.decrypt(json, PASSWORD.toCharArray());
      assertEquals(new DecryptedKey(CryptoSuites.STANDARD, keyPair.privateKey()), decrypted);
      assertEquals(
          new KeyFileInfo(CryptoSuites.STANDARD, Optional.of(suite.address(keyPair.publicKey()))),
          KeyFile.read(json));
      cases++;
    }
  }

  @Test
  void ethersAndWeReadTheDefinitionsVectorAlike() throws Exception {
    Path file = Files.writeString(work.resolve("spec.json"), KeyFileKnownAnswerTest.SPEC_PBKDF2);
    Path password = Files.writeString(work.resolve("spec-password"), KeyFileKnownAnswerTest.PASSWORD);
    JsonNode opened = MAPPER.readTree(ethers("decrypt", file.toString(), password.toString()));
    DecryptedKey ours =
        KeyFile.decrypt(KeyFileKnownAnswerTest.SPEC_PBKDF2, KeyFileKnownAnswerTest.PASSWORD.toCharArray());
    assertEquals(Hex.encode(ours.privateKey().bytes()), opened.get("privateKey").textValue());
    cases++;
  }

  private static Path passwordFile() throws IOException {
    return Files.writeString(work.resolve("password"), PASSWORD, StandardCharsets.UTF_8);
  }

  private static String ethers(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "keystore.mjs"));
    command.addAll(List.of(arguments));
    Output output = run(project, command.toArray(String[]::new));
    assertTrue(output.exitCode() == 0, "ethers " + arguments[0] + " failed: " + output.stderr());
    return output.stdout().trim();
  }

  private record Output(int exitCode, String stdout, String stderr) {}

  private static boolean commandWorks(String... command) {
    try {
      return run(Paths.get("."), command).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Output run(Path directory, String... command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("node-out", ".txt");
    Path stderr = Files.createTempFile("node-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(NODE_SECONDS_MAX, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + NODE_SECONDS_MAX + " s");
      }
      return new Output(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
