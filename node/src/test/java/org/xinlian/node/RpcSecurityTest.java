package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuites;

/** The files rpc.tls and rpc.auth name are read at start; a wrong one stops the node, naming it (OPS-11). */
class RpcSecurityTest {
  @TempDir Path directory;

  private RpcSecurityConfig.Auth auth(Optional<Path> secret, List<Path> es256, List<Path> sm2) {
    return new RpcSecurityConfig.Auth(true, secret, es256, sm2, 4096, 3600, 30, List.of(), Optional.empty());
  }

  private DecodingException refused(RpcSecurityConfig config) {
    return assertThrows(DecodingException.class,
        () -> RpcSecurity.of(config, CryptoSuites.standard(), Clock.system(), Optional.empty()));
  }

  @Test
  @DisplayName("OPS-11 a secret that is not hex or too short, and a missing file, are refused naming the field")
  void secrets() throws Exception {
    Path notHex = Files.writeString(directory.resolve("a.secret"), "not hex at all");
    assertEquals("rpc.auth.hs256SecretFile", refused(new RpcSecurityConfig(Optional.empty(),
        Optional.of(auth(Optional.of(notHex), List.of(), List.of())))).field());
    Path shortSecret = Files.writeString(directory.resolve("b.secret"), "00112233");
    DecodingException tooShort = refused(new RpcSecurityConfig(Optional.empty(),
        Optional.of(auth(Optional.of(shortSecret), List.of(), List.of()))));
    assertTrue(tooShort.getMessage().contains("4 bytes"), tooShort.getMessage());
    DecodingException missing = refused(new RpcSecurityConfig(Optional.empty(),
        Optional.of(auth(Optional.of(directory.resolve("none.secret")), List.of(), List.of()))));
    assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
  }

  @Test
  @DisplayName("OPS-11 --check-config reads the rpc.tls and rpc.auth files as the start does")
  void checkConfig() throws Exception {
    Files.writeString(directory.resolve("genesis.json"), DevChain.genesisJson(4321));
    Path config = Files.writeString(directory.resolve("config.json"), "{\"dataDirectory\": \"data\", "
        + "\"genesisFile\": \"genesis.json\", \"rpc\": {\"tls\": {\"keyFile\": \"missing.key.pem\", "
        + "\"certificateFile\": \"missing.pem\"}, \"auth\": {\"hs256SecretFile\": \"missing.secret\"}}}");
    List<String> problems = NodeConfigCheck.problems(config);
    assertTrue(problems.stream().anyMatch(problem -> problem.startsWith("rpc.auth.hs256SecretFile")), problems.toString());
  }

  @Test
  @DisplayName("OPS-11 an ES256 key that is not P-256, an SM2 key on a standard chain and a bad TLS key are refused")
  void keys() throws Exception {
    Path sm2Key = Files.writeString(directory.resolve("sm2.pub.pem"),
        CryptoSuites.gm().publicKeyToPem(CryptoSuites.gm().generateKeyPair(new java.security.SecureRandom()).publicKey()));
    assertEquals("rpc.auth.es256PublicKeyFiles.0", refused(new RpcSecurityConfig(Optional.empty(),
        Optional.of(auth(Optional.empty(), List.of(sm2Key), List.of())))).field());
    assertEquals("rpc.auth.sm2PublicKeyFiles.0", refused(new RpcSecurityConfig(Optional.empty(),
        Optional.of(auth(Optional.empty(), List.of(), List.of(sm2Key))))).field());
    Path certificate = Files.writeString(directory.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertEquals("rpc.tls.keyFile", refused(new RpcSecurityConfig(
        Optional.of(new RpcSecurityConfig.Tls(sm2Key, certificate)), Optional.empty())).field());
  }
}
