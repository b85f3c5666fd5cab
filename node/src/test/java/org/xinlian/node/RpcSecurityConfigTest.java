package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.governance.Role;

class RpcSecurityConfigTest {
  private static final Path BASE = Path.of("/srv/node");

  private static NodeConfig parse(String rpc) {
    String json = "{\"dataDirectory\": \"data\", \"genesisFile\": \"genesis.json\", \"rpc\": " + rpc + "}";
    return NodeConfig.parse(json.getBytes(StandardCharsets.UTF_8), BASE);
  }

  private static void refused(String rpc, String field, String words) {
    DecodingException e = assertThrows(DecodingException.class, () -> parse(rpc));
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }

  @Test
  @DisplayName("OPS-10 a loopback listener keeps today's behaviour: no TLS, no authentication")
  void loopbackDefault() {
    assertEquals(RpcSecurityConfig.none(), parse("{\"host\": \"127.0.0.1\"}").rpcSecurity());
    assertEquals(RpcSecurityConfig.none(), parse("{\"host\": \"localhost\"}").rpcSecurity());
    assertEquals(RpcSecurityConfig.none(), parse("{\"host\": \"::1\"}").rpcSecurity());
  }

  @Test
  @DisplayName("OPS-10 a non-loopback listener without authentication is refused unless opted out explicitly")
  void nonLoopbackNeedsAuth() {
    refused("{\"host\": \"0.0.0.0\"}", "rpc.auth", "not a loopback address");
    refused("{\"host\": \"node1.bank.example\"}", "rpc.auth", "not a loopback address");
    NodeConfig open = parse("{\"host\": \"0.0.0.0\", \"auth\": {\"required\": false}}");
    assertFalse(open.rpcSecurity().auth().orElseThrow().required());
    refused("{\"host\": \"10.0.0.5\", \"auth\": {\"hs256SecretFile\": \"rpc.secret\"}}", "rpc.tls",
        "clear text");
  }

  @Test
  @DisplayName("OPS-10 rpc.tls and rpc.auth are read with paths against the config's directory")
  void fullSections() {
    NodeConfig config = parse("""
        {"host": "10.0.0.5",
         "tls": {"keyFile": "transport.key.pem", "certificateFile": "transport.pem"},
         "auth": {"hs256SecretFile": "rpc.secret", "es256PublicKeyFiles": ["app.pub.pem"],
                  "tokenBytesMax": 2048, "tokenLifetimeSecondsMax": 3600, "clockSkewSecondsMax": 10,
                  "clientCertificates": [{"caFile": "org1-ca.pem", "permissions": ["eth:*", "net:*"]}],
                  "roles": {"auditor": ["*:*", "!eth_sendRawTransaction"], "operator": ["*:*"]}}}
        """);
    RpcSecurityConfig security = config.rpcSecurity();
    assertEquals(BASE.resolve("transport.key.pem"), security.tls().orElseThrow().keyFile());
    RpcSecurityConfig.Auth auth = security.auth().orElseThrow();
    assertTrue(auth.required());
    assertEquals(Optional.of(BASE.resolve("rpc.secret")), auth.hs256SecretFile());
    assertEquals(2048, auth.tokenBytesMax());
    assertEquals(BASE.resolve("org1-ca.pem"), auth.clientCertificates().get(0).caFile());
    assertFalse(auth.roles().orElseThrow().get(Role.AUDITOR).allows("eth_sendRawTransaction"));
  }

  @Test
  @DisplayName("OPS-10 unknown and out-of-range fields are refused naming the field")
  void badFields() {
    refused("{\"auth\": {\"hs256SecretFile\": \"s\", \"algorithm\": \"HS512\"}}", "rpc.auth.algorithm", "unknown field");
    refused("{\"tls\": {\"keyFile\": \"k\", \"certificateFile\": \"c\", \"ciphers\": []}}", "rpc.tls.ciphers", "unknown field");
    refused("{\"auth\": {\"hs256SecretFile\": \"s\", \"tokenBytesMax\": 100000}}", "rpc.auth.tokenBytesMax", "6144");
    refused("{\"auth\": {\"hs256SecretFile\": \"s\", \"clockSkewSecondsMax\": -1}}", "rpc.auth.clockSkewSecondsMax", "");
    refused("{\"auth\": {\"hs256SecretFile\": \"s\", \"tokenLifetimeSecondsMax\": 0}}", "rpc.auth.tokenLifetimeSecondsMax", "");
    refused("{\"auth\": {\"required\": \"yes\"}}", "rpc.auth.required", "true or false");
    refused("{\"auth\": {}}", "rpc.auth", "no caller could authenticate");
    refused("{\"auth\": {\"clientCertificates\": [{\"caFile\": \"ca.pem\", \"permissions\": [\"eth:*\", \"eth*\"]}]}}",
        "rpc.auth.clientCertificates.0.permissions.1", "neither");
    refused("{\"auth\": {\"hs256SecretFile\": \"s\", \"roles\": {\"banker\": [\"*:*\"]}}}", "rpc.auth.roles.banker",
        "unknown role");
    refused("{\"tls\": {}}", "rpc.tls.keyFile", "without a p2p section");
  }
}
