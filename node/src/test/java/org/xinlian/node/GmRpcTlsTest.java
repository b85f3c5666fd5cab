package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.network.SuiteTlsContexts;
import org.xinlian.rpc.auth.RpcPermissions;
import org.xinlian.rpc.auth.RpcTokens;

/** On a gm chain the JSON-RPC listener speaks RFC 8998 TLS with the node's SM2 transport certificate (OPS-1). */
class GmRpcTlsTest {
  @TempDir Path directory;

  @Test
  @DisplayName("OPS-1 a gm node's HTTPS listener negotiates TLS_SM4_GCM_SM3 and serves a token holder")
  void gmTls() throws Exception {
    CryptoSuite gm = CryptoSuites.gm();
    TransportCertificates transport = CryptoSuites.transport(gm);
    SecureRandom random = new SecureRandom();
    KeyPair caKey = transport.generateKeyPair(random);
    Instant now = Instant.now();
    X509Certificate ca = transport.issueCertificate(new TransportCertificateRequest("CN=org1 transport CA",
        caKey.getPublic(), caKey.getPrivate(), null, BigInteger.ONE, now.minus(1, ChronoUnit.HOURS),
        now.plus(1, ChronoUnit.DAYS), true, random));
    KeyPair nodeKey = transport.generateKeyPair(random);
    X509Certificate certificate = transport.issueCertificate(new TransportCertificateRequest("CN=node0 transport",
        nodeKey.getPublic(), caKey.getPrivate(), ca, BigInteger.TWO, now.minus(1, ChronoUnit.HOURS),
        now.plus(1, ChronoUnit.DAYS), false, random));
    Path key = Files.writeString(directory.resolve("transport.key.pem"), transport.privateKeyToPem(nodeKey.getPrivate()));
    Path cert = Files.writeString(directory.resolve("transport.pem"), transport.certificateToPem(certificate));
    byte[] secret = new byte[32];
    secret[5] = 9;
    Path secretFile = Files.writeString(directory.resolve("rpc.secret"), HexFormat.of().formatHex(secret));
    RpcSecurityConfig security = new RpcSecurityConfig(Optional.of(new RpcSecurityConfig.Tls(key, cert)),
        Optional.of(new RpcSecurityConfig.Auth(true, Optional.of(secretFile), List.of(), List.of(), 4096, 3600, 30,
            List.of(), Optional.empty())));
    try (PermissionedChain chain = new PermissionedChain(directory, CryptoSuites.GM, security)) {
      HttpClient client = HttpClient.newBuilder().sslContext(SuiteTlsContexts.context(gm, null, List.of(),
          SuiteTlsContexts.issuedBy(List.of(ca), Clock.system()))).build();
      String token = RpcTokens.hs256(secret, new RpcTokens.Claims(RpcPermissions.parse("eth:*"), Optional.empty(),
          Instant.now(), Instant.now().plusSeconds(60)));
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
          URI.create("https://127.0.0.1:" + chain.node.rpcAddress().getPort() + "/"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("TLS_SM4_GCM_SM3", response.sslSession().orElseThrow().getCipherSuite());
    }
  }
}
