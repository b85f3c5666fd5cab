package org.xinlian.rpc.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.governance.Role;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.server.RpcServer;
import org.xinlian.sdk.ClientOptions;
import org.xinlian.sdk.RpcTls;
import org.xinlian.sdk.XinlianClient;
import org.xinlian.sdk.XinlianClientException;

/**
 * One real HTTPS/WSS server with authentication required, real tokens and real client
 * certificates: every way a credential is refused, and the clients that connect with one.
 */
class RpcAuthServerTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef-xinlian".getBytes(StandardCharsets.UTF_8);
  static final Address AUDITOR = Address.fromHex("0x00000000000000000000000000000000000000a1");
  static final Address OPERATOR = Address.fromHex("0x00000000000000000000000000000000000000b2");
  static final int TOKEN_BYTES_MAX = 1024;

  static TestPki.Issued serverCa;
  static TestPki.Issued orgA;
  static TestPki.Issued orgB;
  static java.security.KeyPair es256;
  static RpcServer tlsServer;
  static RpcServer roleServer;
  static HttpClient https;

  /** Stands in for the pool's method: the permission check runs before any method does. */
  record StubSend() implements RpcMethod {
    @Override
    public String name() {
      return "eth_sendRawTransaction";
    }

    @Override
    public Object execute(RpcParams params) {
      return "0x" + "00".repeat(32);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    serverCa = TestPki.authority("org0 transport CA");
    TestPki.Issued node = TestPki.issue(serverCa, "node0 transport");
    orgA = TestPki.authority("orgA client CA");
    orgB = TestPki.authority("orgB client CA");
    es256 = TestPki.TRANSPORT.generateKeyPair(TestPki.RANDOM);
    RpcAuthConfig auth = new RpcAuthConfig(true, Optional.of(SECRET), List.of((ECPublicKey) es256.getPublic()),
        List.of(), CryptoSuites.standard(), TOKEN_BYTES_MAX, 3600, 5,
        List.of(new ClientCertificateGrant(orgA.certificate(), RpcPermissions.parse("eth:chainId"))), Optional.empty());
    var sslContext = TestPki.server(node, List.of(orgA.certificate()));
    RpcServerConfig config = RpcServerConfig.defaults().withPort(0);
    tlsServer = RpcServer.builder(config, new ChainInfo(1337)).methods(List.of(new StubSend()))
        .tls(() -> sslContext).authenticator(new RpcAuthenticator(auth, Clock.system())).build().start();
    SubjectRoles roles = subject -> subject.equals(AUDITOR) ? Set.of(Role.AUDITOR)
        : subject.equals(OPERATOR) ? Set.of(Role.OPERATOR) : Set.of();
    RpcAuthConfig roleAuth = new RpcAuthConfig(true, Optional.of(SECRET), List.of(), List.of(), CryptoSuites.standard(),
        TOKEN_BYTES_MAX, 3600, 5, List.of(),
        Optional.of(new RpcAuthConfig.RoleGrants(RpcAuthConfig.RoleGrants.defaults(), roles)));
    roleServer = RpcServer.builder(config, new ChainInfo(1337)).methods(List.of(new StubSend()))
        .authenticator(new RpcAuthenticator(roleAuth, Clock.system())).build().start();
    https = HttpClient.newBuilder().sslContext(RpcTls.trusting(List.of(serverCa.certificate()), Optional.empty()))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    tlsServer.close();
    roleServer.close();
  }

  static URI tlsUri() {
    return URI.create("https://127.0.0.1:" + tlsServer.port() + "/");
  }

  static RpcTokens.Claims claims(String permissions, long fromSeconds, long toSeconds) {
    Instant now = Instant.now();
    return new RpcTokens.Claims(RpcPermissions.parse(permissions), Optional.empty(), now.plusSeconds(fromSeconds),
        now.plusSeconds(toSeconds));
  }

  static String hs256(String permissions) {
    return RpcTokens.hs256(SECRET, claims(permissions, 0, 600));
  }

  static HttpResponse<String> post(HttpClient client, URI uri, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> chainId(String token) throws Exception {
    return post(https, tlsUri(), token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
  }

  static void assertRefused(HttpResponse<String> response, String reason) throws Exception {
    assertEquals(401, response.statusCode(), response.body());
    JsonNode error = MAPPER.readTree(response.body()).get("error");
    assertEquals(RpcAuthException.CODE, error.get("code").asInt());
    assertTrue(error.get("message").asText().contains(reason), error.get("message").asText());
  }

  @Test
  @DisplayName("OPS-1 OPS-2 an HS256 token over HTTPS is served")
  void hs256TokenOverTls() throws Exception {
    HttpResponse<String> response = chainId(hs256("eth:*"));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("0x539", MAPPER.readTree(response.body()).get("result").asText());
  }

  @Test
  @DisplayName("OPS-2 an ES256 token is served")
  void es256Token() throws Exception {
    String token = RpcTokens.es256(es256.getPrivate(), claims("eth:chainId", 0, 600));
    assertEquals(200, chainId(token).statusCode());
  }

  @Test
  @DisplayName("OPS-4 a request without a credential is refused with 401 naming why")
  void noCredential() throws Exception {
    HttpResponse<String> response = chainId(null);
    assertRefused(response, "requires a bearer token");
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
  }

  @Test
  @DisplayName("OPS-15 /metrics needs a credential and counts refusals; /health does not")
  void metricsAndHealth() throws Exception {
    chainId(null);
    URI metrics = tlsUri().resolve("/metrics");
    assertEquals(401, https.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpResponse<String> scrape = https.send(HttpRequest.newBuilder(metrics)
        .header("Authorization", "Bearer " + hs256("eth:*")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, scrape.statusCode());
    java.util.regex.Matcher refused = java.util.regex.Pattern
        .compile("xinlian_rpc_auth_refused_total\\{reason=\"credential\",?\\} ([0-9.]+)").matcher(scrape.body());
    assertTrue(refused.find(), scrape.body());
    assertTrue(Double.parseDouble(refused.group(1)) >= 2, refused.group());
    assertEquals(200, https.send(HttpRequest.newBuilder(tlsUri().resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  @DisplayName("OPS-4 a token with a bad signature is refused")
  void badSignature() throws Exception {
    String forged = RpcTokens.hs256("another-secret-of-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8),
        claims("eth:*", 0, 600));
    assertRefused(chainId(forged), "bad token signature");
    String foreignKey = RpcTokens.es256(TestPki.TRANSPORT.generateKeyPair(TestPki.RANDOM).getPrivate(),
        claims("eth:*", 0, 600));
    assertRefused(chainId(foreignKey), "bad token signature");
  }

  @Test
  @DisplayName("OPS-6 expired, not yet valid and too long-lived tokens are refused")
  void times() throws Exception {
    assertRefused(chainId(RpcTokens.hs256(SECRET, claims("eth:*", -3600, -60))), "expired");
    assertRefused(chainId(RpcTokens.hs256(SECRET, claims("eth:*", 600, 1200))), "not yet valid");
    assertRefused(chainId(RpcTokens.hs256(SECRET, claims("eth:*", 0, 7200))), "tokenLifetimeSecondsMax");
  }

  @Test
  @DisplayName("OPS-3 alg none, unlisted algorithms and unsigned tokens are refused")
  void algorithms() throws Exception {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    long exp = Instant.now().getEpochSecond() + 600;
    String payload = base64.encodeToString(("{\"exp\":" + exp + ",\"permissions\":[\"*:*\"]}").getBytes(StandardCharsets.UTF_8));
    String none = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    assertRefused(chainId(none), "\"none\" is refused");
    String hs384 = base64.encodeToString("{\"alg\":\"HS384\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".AAAA";
    assertRefused(chainId(hs384), "algorithm \"HS384\" is refused");
    assertRefused(chainId("not-a-token"), "malformed token");
  }

  @Test
  @DisplayName("OPS-5 a token lacking the method's permission is refused, naming the method")
  void lackingPermission() throws Exception {
    HttpResponse<String> single = chainId(hs256("net:*"));
    assertRefused(single, "lacks permission for method eth_chainId");
    HttpResponse<String> batch = post(https, tlsUri(), hs256("net:*"),
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_chainId\"}]");
    assertEquals(200, batch.statusCode());
    JsonNode answers = MAPPER.readTree(batch.body());
    assertEquals("1337", answers.get(0).get("result").asText());
    assertEquals(RpcAuthException.CODE, answers.get(1).get("error").get("code").asInt());
  }

  @Test
  @DisplayName("OPS-8 a token above tokenBytesMax is refused before it is parsed")
  void oversized() throws Exception {
    StringBuilder many = new StringBuilder("eth:*");
    for (int i = 0; i < 40; i++) {
      many.append(",eth:getBlockByNumberNumber").append(i);
    }
    String token = hs256(many.toString());
    assertTrue(token.length() > TOKEN_BYTES_MAX);
    assertRefused(chainId(token), "tokenBytesMax");
  }

  @Test
  @DisplayName("OPS-7 a client certificate of a configured organisation CA authenticates with its grant")
  void clientCertificate() throws Exception {
    TestPki.Issued app = TestPki.issue(orgA, "orgA app");
    HttpClient client = HttpClient.newBuilder().sslContext(RpcTls.trusting(List.of(serverCa.certificate()),
        Optional.of(new RpcTls.ClientCertificate(app.key().getPrivate(), app.certificate())))).build();
    HttpResponse<String> allowed = post(client, tlsUri(), null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    assertEquals(200, allowed.statusCode(), allowed.body());
    assertRefused(post(client, tlsUri(), null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\"}"),
        "lacks permission for method net_version");
  }

  @Test
  @DisplayName("OPS-7 a client certificate of another organisation's CA does not authenticate")
  void foreignClientCertificate() throws Exception {
    TestPki.Issued stranger = TestPki.issue(orgB, "orgB app");
    HttpClient client = HttpClient.newBuilder().sslContext(RpcTls.trusting(List.of(serverCa.certificate()),
        Optional.of(new RpcTls.ClientCertificate(stranger.key().getPrivate(), stranger.certificate())))).build();
    // The server names orgA's CA as the only acceptable issuer, so the client's TLS stack offers no
    // certificate and the request arrives without a credential.
    assertRefused(post(client, tlsUri(), null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"),
        "requires a bearer token or a client certificate");
    // Were it presented anyway (another TLS stack), the authenticator refuses it by its issuer.
    RpcAuthConfig auth = new RpcAuthConfig(true, Optional.empty(), List.of(), List.of(), CryptoSuites.standard(),
        TOKEN_BYTES_MAX, 3600, 5, List.of(new ClientCertificateGrant(orgA.certificate(), RpcPermissions.ALL)),
        Optional.empty());
    RpcAuthException e = assertThrows(RpcAuthException.class, () -> new RpcAuthenticator(auth, Clock.system())
        .authenticate(null, List.of(stranger.certificate())));
    assertTrue(e.getMessage().contains("not issued by a configured client certificate authority"), e.getMessage());
    TestPki.Issued forged = TestPki.authority("orgA client CA");
    TestPki.Issued impostor = TestPki.issue(forged, "orgA app");
    RpcAuthException sameName = assertThrows(RpcAuthException.class, () -> new RpcAuthenticator(auth, Clock.system())
        .authenticate(null, List.of(impostor.certificate())));
    assertTrue(sameName.getMessage().contains("is not valid"), sameName.getMessage());
  }

  @Test
  @DisplayName("OPS-1 a client that does not trust the organisation CA cannot connect")
  void untrustedServer() {
    HttpClient client = HttpClient.newBuilder().sslContext(RpcTls.trusting(List.of(orgB.certificate()),
        Optional.empty())).build();
    assertThrows(java.io.IOException.class, () -> post(client, tlsUri(), hs256("eth:*"), "{}"));
  }

  @Test
  @DisplayName("OPS-4 a WebSocket upgrade without a token is refused with 401; with one it serves")
  void webSocket() throws Exception {
    URI wss = URI.create("wss://127.0.0.1:" + tlsServer.port() + "/");
    CompletionException refused = assertThrows(CompletionException.class,
        () -> https.newWebSocketBuilder().buildAsync(wss, new WebSocket.Listener() {}).join());
    assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
    assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    CompletableFuture<String> answer = new CompletableFuture<>();
    WebSocket socket = https.newWebSocketBuilder().header("Authorization", "Bearer " + hs256("eth:*"))
        .buildAsync(wss, new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            answer.complete(data.toString());
            return null;
          }
        }).join();
    socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}", true);
    assertEquals("0x539", MAPPER.readTree(answer.get(30, TimeUnit.SECONDS)).get("result").asText());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  @Test
  @DisplayName("OPS-14 the SDK connects with a token over TLS trusting the CA bundle")
  void sdk() {
    SSLContext trust = RpcTls.trusting(List.of(serverCa.certificate()), Optional.empty());
    XinlianClient client = XinlianClient.connect(tlsUri(), CryptoSuites.standard(),
        ClientOptions.defaults().withTls(trust).withBearerToken(hs256("eth:*")));
    assertEquals(1337, client.chainId());
    XinlianClient anonymous = XinlianClient.connect(tlsUri(), CryptoSuites.standard(),
        ClientOptions.defaults().withTls(trust));
    XinlianClientException e = assertThrows(XinlianClientException.class, anonymous::chainId);
    assertTrue(e.getMessage().contains("401"), e.getMessage());
  }

  @Test
  @DisplayName("OPS-14 web3j sends the token as an HttpService header, over TLS pinned to the CA bundle")
  void web3j() throws Exception {
    var trust = RpcTls.trustManager(List.of(serverCa.certificate()));
    SSLContext context = RpcTls.trusting(List.of(serverCa.certificate()), Optional.empty());
    // Node certificates name nodes, not hosts: the pinned chain is the check (docs/ops/rpc-auth.md).
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
        .sslSocketFactory(context.getSocketFactory(), trust).hostnameVerifier((host, session) -> true).build();
    HttpService service = new HttpService(tlsUri().toString(), http);
    service.addHeaders(Map.of("Authorization", "Bearer " + hs256("eth:*")));
    Web3j web3 = Web3j.build(service);
    try {
      assertEquals(1337, web3.ethChainId().send().getChainId().longValue());
      // A refused method is HTTP 401 (as Besu answers), which web3j raises with the body.
      var refused = assertThrows(org.web3j.protocol.exceptions.ClientConnectionException.class,
          () -> web3.netVersion().send());
      assertTrue(refused.getMessage().contains("401") && refused.getMessage().contains("method net_version"),
          refused.getMessage());
    } finally {
      web3.shutdown();
    }
  }

  @Test
  @DisplayName("OPS-9 governance roles limit a token: an auditor reads but cannot submit, an operator may")
  void roles() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + roleServer.port() + "/");
    String send = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x00\"]}";
    String read = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    String auditor = roleToken(AUDITOR);
    assertEquals(200, post(HttpClient.newHttpClient(), uri, auditor, read).statusCode());
    assertRefused(post(HttpClient.newHttpClient(), uri, auditor, send), "governance role");
    assertEquals(200, post(HttpClient.newHttpClient(), uri, roleToken(OPERATOR), send).statusCode());
    assertRefused(post(HttpClient.newHttpClient(), uri,
        roleToken(Address.fromHex("0x00000000000000000000000000000000000000c3")), read), "holds no governance role");
    assertRefused(post(HttpClient.newHttpClient(), uri, hs256("*:*"), read), "sub must be an account");
  }

  @Test
  @DisplayName("OPS-6 a WebSocket session ends when its token expires on the node's clock")
  void webSocketExpiry() throws Exception {
    java.util.concurrent.atomic.AtomicLong offsetMillis = new java.util.concurrent.atomic.AtomicLong();
    Clock clock = new Clock() {
      @Override
      public long currentTimeMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
      }

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }
    };
    RpcAuthConfig auth = new RpcAuthConfig(true, Optional.of(SECRET), List.of(), List.of(), CryptoSuites.standard(),
        TOKEN_BYTES_MAX, 3600, 5, List.of(), Optional.empty());
    try (RpcServer server = RpcServer.builder(RpcServerConfig.defaults().withPort(0), new ChainInfo(1337))
        .clock(clock).authenticator(new RpcAuthenticator(auth, clock)).build().start()) {
      java.util.concurrent.LinkedBlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();
      CompletableFuture<Integer> closed = new CompletableFuture<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .header("Authorization", "Bearer " + RpcTokens.hs256(SECRET, claims("eth:*", 0, 60)))
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              messages.add(data.toString());
              webSocket.request(1);
              return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
              closed.complete(statusCode);
              return null;
            }
          }).join();
      String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
      socket.sendText(call, true).join();
      assertTrue(messages.poll(30, TimeUnit.SECONDS).contains("0x539"));
      offsetMillis.set(120_000);
      socket.sendText(call, true).join();
      String refusal = messages.poll(30, TimeUnit.SECONDS);
      assertTrue(refusal != null && refusal.contains("credential expired"), String.valueOf(refusal));
      assertEquals(1008, closed.get(30, TimeUnit.SECONDS));
    }
  }

  private static String roleToken(Address subject) {
    return RpcTokens.hs256(SECRET, new RpcTokens.Claims(RpcPermissions.ALL, Optional.of(subject.toString()),
        Instant.now(), Instant.now().plusSeconds(600)));
  }
}
