package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.rpc.auth.RpcAuthConfig;
import org.xinlian.rpc.auth.RpcAuthException;
import org.xinlian.rpc.auth.RpcAuthenticator;
import org.xinlian.rpc.auth.RpcPrincipal;

/** {@code xinlian rpc secret|keygen|token}: the tokens it prints verify as the node verifies them (OPS-12). */
class RpcCommandTest {
  @TempDir Path directory;

  private CliRun.Result cli(String... args) {
    return new CliRun(directory).withSystemClock().run(args);
  }

  private static RpcAuthConfig config(Optional<byte[]> secret, CryptoSuite suite, List<org.xinlian.crypto.PublicKey> sm2) {
    return new RpcAuthConfig(true, secret, List.of(), sm2, suite, RpcAuthConfig.TOKEN_BYTES_DEFAULT,
        RpcAuthConfig.TOKEN_LIFETIME_SECONDS_DEFAULT, 5, List.of(), Optional.empty());
  }

  @Test
  @DisplayName("OPS-12 rpc secret writes an owner-only hex secret and never replaces one; its tokens verify")
  void hs256() throws Exception {
    CliRun.Result secret = cli("rpc", "secret", "--out", "rpc.secret");
    assertEquals(0, secret.exitCode(), secret.err());
    String hex = Files.readString(directory.resolve("rpc.secret")).trim();
    assertEquals(64, hex.length());
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(directory.resolve("rpc.secret"))));
    CliRun.Result again = cli("rpc", "secret", "--out", "rpc.secret");
    assertNotEquals(0, again.exitCode());
    assertTrue(again.err().contains("exists"), again.err());
    assertEquals(hex, Files.readString(directory.resolve("rpc.secret")).trim());

    CliRun.Result token = cli("rpc", "token", "--hs256-secret-file", "rpc.secret", "--permissions", "eth:*,net:version",
        "--expires-in", "30m", "--subject", "0x00000000000000000000000000000000000000aa");
    assertEquals(0, token.exitCode(), token.err());
    String jwt = token.out().trim();
    RpcPrincipal principal = new RpcAuthenticator(config(Optional.of(HexFormat.of().parseHex(hex)),
        CryptoSuites.standard(), List.of()), Clock.system()).authenticate("Bearer " + jwt, List.of());
    assertEquals("HS256", principal.scheme());
    assertTrue(principal.allows("eth_sendRawTransaction"));
    assertTrue(principal.allows("net_version"));
    assertTrue(!principal.allows("net_peerCount"));
    String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    assertTrue(claims.contains("\"sub\":\"0x00000000000000000000000000000000000000aa\""), claims);
    long lifetime = principal.expiresAtMillis() - 5_000 - System.currentTimeMillis();
    assertTrue(lifetime > 25 * 60_000 && lifetime <= 30 * 60_000, "exp is about 30 minutes away: " + lifetime);
  }

  @Test
  @DisplayName("OPS-12 rpc keygen --suite gm and rpc token --key sign SM2SM3 tokens that the gm suite verifies")
  void sm2() throws Exception {
    CliRun.Result keygen = cli("rpc", "keygen", "--suite", "gm", "--out", "app");
    assertEquals(0, keygen.exitCode(), keygen.err());
    CryptoSuite gm = CryptoSuites.gm();
    var publicKey = gm.publicKeyFromPem(Files.readString(directory.resolve("app.pub.pem")));
    CliRun.Result token = cli("rpc", "token", "--key", "app.key.pem", "--permissions", "xinlian:*", "--expires-in", "5m");
    assertEquals(0, token.exitCode(), token.err());
    RpcPrincipal principal = new RpcAuthenticator(config(Optional.empty(), gm, List.of(publicKey)), Clock.system())
        .authenticate("Bearer " + token.out().trim(), List.of());
    assertEquals("SM2SM3", principal.scheme());
    assertTrue(principal.allows("xinlian_getGovernance"));
  }

  @Test
  @DisplayName("OPS-12 rpc token refuses bad permissions, lifetimes and keys, naming the option")
  void badInput() throws Exception {
    assertEquals(0, cli("rpc", "keygen", "--out", "es").exitCode());
    CliRun.Result permissions = cli("rpc", "token", "--key", "es.key.pem", "--permissions", "eth*");
    assertTrue(permissions.err().contains("--permissions"), permissions.err());
    CliRun.Result lifetime = cli("rpc", "token", "--key", "es.key.pem", "--permissions", "eth:*", "--expires-in", "400d");
    assertTrue(lifetime.err().contains("--expires-in"), lifetime.err());
    CliRun.Result unit = cli("rpc", "token", "--key", "es.key.pem", "--permissions", "eth:*", "--expires-in", "1y");
    assertTrue(unit.err().contains("--expires-in"), unit.err());
    Files.writeString(directory.resolve("junk.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    CliRun.Result junk = cli("rpc", "token", "--key", "junk.pem", "--permissions", "eth:*");
    assertNotEquals(0, junk.exitCode());
    assertTrue(junk.err().contains("neither a P-256 nor an SM2"), junk.err());
    // An ES256 token made from the keygen pair is refused by a node configured with HS256 only.
    CliRun.Result es = cli("rpc", "token", "--key", "es.key.pem", "--permissions", "eth:*");
    assertEquals(0, es.exitCode(), es.err());
    RpcAuthException refused = org.junit.jupiter.api.Assertions.assertThrows(RpcAuthException.class,
        () -> new RpcAuthenticator(config(Optional.of(new byte[32]), CryptoSuites.standard(), List.of()), Clock.system())
            .authenticate("Bearer " + es.out().trim(), List.of()));
    assertTrue(refused.getMessage().contains("ES256 is not configured"), refused.getMessage());
  }
}
