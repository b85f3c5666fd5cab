package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.cli.bench.BenchException;
import org.xinlian.cli.bench.JsonRpcClient;
import org.xinlian.cli.bench.RpcClientOptions;
import org.xinlian.sdk.ClientOptions;
import org.xinlian.sdk.RpcTls;
import org.xinlian.sdk.XinlianClient;
import org.xinlian.sdk.XinlianClientException;

/**
 * A node started by the CLI from `network init` files with rpc.tls (the node's transport
 * certificate from its organisation) and rpc.auth (an HS256 secret and an ES256 key made by
 * `xinlian rpc`): a token holder is served over HTTPS, everyone else refused (OPS-11, OPS-13).
 */
class RpcAuthProcessTest {
  private static final long START_SECONDS_MAX = 90;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private Process node;

  @AfterEach
  void stop() throws InterruptedException {
    if (node != null) {
      node.destroyForcibly().waitFor();
    }
  }

  private CliRun.Result cli(String... args) {
    CliRun.Result result = new CliRun(directory).withoutTerminal().withSystemClock().run(args);
    assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.err());
    return result;
  }

  @Test
  @DisplayName("OPS-11 OPS-13 a CLI-started node with rpc.tls and rpc.auth serves token holders over HTTPS only")
  void tokenHoldersOnly() throws Exception {
    int[] ports = NetworkProcesses.freePortBases(1);
    Path net = directory.resolve("net");
    cli("network", "init", "--nodes", "1", "--dir", net.toString(), "--rpc-base-port", String.valueOf(ports[0]),
        "--p2p-base-port", String.valueOf(ports[1]));
    cli("rpc", "secret", "--out", "net/node0/rpc.secret");
    cli("rpc", "keygen", "--out", "app");
    Path config = net.resolve("node0/config.json");
    ObjectNode root = (ObjectNode) JSON.readTree(config.toFile());
    ObjectNode rpc = (ObjectNode) root.get("rpc");
    rpc.putObject("tls");
    ObjectNode auth = rpc.putObject("auth");
    auth.put("hs256SecretFile", "rpc.secret");
    auth.putArray("es256PublicKeyFiles").add(directory.resolve("app.pub.pem").toString());
    Files.writeString(config, JSON.writeValueAsString(root));
    long started = System.nanoTime();
    node = NetworkProcesses.startNode(net, 0, List.of());

    SSLContext trust = RpcTls.trusting(net.resolve("ca/transport-ca.pem"));
    URI https = URI.create("https://127.0.0.1:" + ports[0] + "/");
    awaitListening(HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build(),
        https.resolve("/health"), net);
    System.out.printf("node answers over TLS after %d ms%n", (System.nanoTime() - started) / 1_000_000);

    String hs256 = cli("rpc", "token", "--hs256-secret-file", "net/node0/rpc.secret", "--permissions", "eth:*,net:*",
        "--expires-in", "10m").out().trim();
    XinlianClient holder = XinlianClient.connect(https, CryptoSuites.standard(),
        ClientOptions.defaults().withTls(trust).withBearerToken(hs256));
    assertEquals(31337, holder.chainId());
    assertEquals("31337", holder.request("net_version").asText());

    String es256 = cli("rpc", "token", "--key", "app.key.pem", "--permissions", "eth:chainId").out().trim();
    XinlianClient narrow = XinlianClient.connect(https, CryptoSuites.standard(),
        ClientOptions.defaults().withTls(trust).withBearerToken(es256));
    assertEquals(31337, narrow.chainId());
    XinlianClientException lacking = assertThrows(XinlianClientException.class, narrow::blockNumber);
    // The SDK shortens the body; the refusal's code and its first words are there.
    assertTrue(lacking.getMessage().contains("HTTP 401") && lacking.getMessage().contains("\"code\":-40100")
        && lacking.getMessage().contains("permission denied"), lacking.getMessage());

    // OPS-93: the CLI's own client is the SDK's connection, with the token and CA bundle that
    // XINLIAN_RPC_TOKEN and XINLIAN_RPC_CA name; without a token the node's refusal is the error.
    java.util.Map<String, String> environment = java.util.Map.of(RpcClientOptions.TOKEN_VARIABLE, hs256,
        RpcClientOptions.CA_VARIABLE, net.resolve("ca/transport-ca.pem").toString());
    try (JsonRpcClient cliClient = new JsonRpcClient(https, 1,
        RpcClientOptions.from(environment, Duration.ofSeconds(10), 1 << 20))) {
      assertEquals("0x7a69", cliClient.call("eth_chainId").asText());
    }
    try (JsonRpcClient noToken = new JsonRpcClient(https, 1, RpcClientOptions.from(
        java.util.Map.of(RpcClientOptions.CA_VARIABLE, net.resolve("ca/transport-ca.pem").toString()),
        Duration.ofSeconds(10), 1 << 20))) {
      BenchException refusedCli = assertThrows(BenchException.class, () -> noToken.call("eth_chainId"));
      assertTrue(refusedCli.getMessage().contains("HTTP 401"), refusedCli.getMessage());
    }
    BenchException badBundle = assertThrows(BenchException.class, () -> RpcClientOptions.from(
        java.util.Map.of(RpcClientOptions.CA_VARIABLE, directory.resolve("missing.pem").toString()),
        Duration.ofSeconds(10), 1 << 20));
    assertTrue(badBundle.getMessage().startsWith(RpcClientOptions.CA_VARIABLE + ": "), badBundle.getMessage());

    XinlianClient anonymous = XinlianClient.connect(https, CryptoSuites.standard(), ClientOptions.defaults().withTls(trust));
    XinlianClientException refused = assertThrows(XinlianClientException.class, anonymous::chainId);
    assertTrue(refused.getMessage().contains("HTTP 401") && refused.getMessage().contains("\"code\":-40100"),
        refused.getMessage());

    // No plaintext on the port, and no TLS session for a client that does not trust the consortium.
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[0] + "/"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
    HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThrows(IOException.class, () -> stranger.send(HttpRequest.newBuilder(https.resolve("/health"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
  }

  private void awaitListening(HttpClient client, URI health, Path net) throws Exception {
    long deadline = System.nanoTime() + START_SECONDS_MAX * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!node.isAlive()) {
        fail("the node exited with " + node.exitValue() + ": " + NetworkProcesses.log(net, 0));
      }
      try {
        // Any answer (200, or 503 while consensus starts) shows TLS is up; the calls below need no more.
        client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        return;
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    fail("the node did not answer over HTTPS within " + START_SECONDS_MAX + " s: " + NetworkProcesses.log(net, 0));
  }
}
