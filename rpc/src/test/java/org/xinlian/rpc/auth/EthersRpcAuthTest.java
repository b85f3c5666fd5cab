package org.xinlian.rpc.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.server.RpcServer;

/**
 * ethers.js v6 (interop/rpc-auth.mjs) connects to an HTTPS listener that requires a token, with
 * the token in a FetchRequest header and the CA bundle as its trust (OPS-14). Node.js is required
 * when {@code oracles.required} is true; otherwise the test skips without it.
 */
class EthersRpcAuthTest {
  private static final long PROCESS_SECONDS_MAX = 120;
  private static final byte[] SECRET = "ethers-interop-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

  @TempDir Path directory;

  @Test
  @DisplayName("OPS-14 ethers.js sends the token in a FetchRequest header over TLS; without it, 401")
  void ethersWithToken() throws Exception {
    Path interop = Path.of(System.getProperty("project.root", "..")).resolve("interop");
    assertTrue(Files.isRegularFile(interop.resolve("rpc-auth.mjs")), interop.toString());
    requireTool(Path.of("."), "Node.js", "node", "--version");
    if (!Files.isDirectory(interop.resolve("node_modules"))) {
      requireTool(interop, "the pinned ethers.js (npm ci)", "npm", "ci", "--no-audit", "--no-fund");
    }
    TestPki.Issued ca = TestPki.authority("org0 transport CA");
    TestPki.Issued node = TestPki.issue(ca, "node0 transport");
    Path bundle = directory.resolve("transport-ca.pem");
    Files.writeString(bundle, TestPki.TRANSPORT.certificateToPem(ca.certificate()));
    RpcAuthConfig auth = new RpcAuthConfig(true, Optional.of(SECRET), List.of(), List.of(), CryptoSuites.standard(),
        RpcAuthConfig.TOKEN_BYTES_DEFAULT, 3600, 5, List.of(), Optional.empty());
    var tls = TestPki.server(node, List.of());
    try (RpcServer server = RpcServer.builder(RpcServerConfig.defaults().withPort(0), new ChainInfo(4242))
        .tls(() -> tls).authenticator(new RpcAuthenticator(auth, Clock.system())).build().start()) {
      String url = "https://127.0.0.1:" + server.port() + "/";
      String token = RpcTokens.hs256(SECRET, new RpcTokens.Claims(RpcPermissions.parse("eth:*"), Optional.empty(),
          Instant.now(), Instant.now().plusSeconds(300)));
      JsonNode served = new ObjectMapper().readTree(lastLine(run(interop, "node", "rpc-auth.mjs", url, "4242", token, bundle.toString())));
      assertEquals("0x1092", served.path("chainId").asText(), served.toString());
      JsonNode refused = new ObjectMapper().readTree(lastLine(run(interop, "node", "rpc-auth.mjs", url, "4242", "", bundle.toString())));
      assertTrue(refused.path("status").asText().startsWith("401"), refused.toString());
      assertTrue(refused.toString().contains("requires a bearer token"), refused.toString());
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static void requireTool(Path directory, String what, String... command) {
    try {
      run(directory, command);
    } catch (IOException | IllegalStateException | InterruptedException e) {
      String message = what + " is not available (" + e.getMessage() + ")";
      if (Boolean.parseBoolean(System.getProperty("oracles.required"))) {
        fail(message + "; it is required when oracles.required=true");
      }
      Assumptions.abort(message + "; skipping the ethers.js test");
    }
  }

  private static String run(Path directory, String... command) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("xinlian-ethers", ".stderr");
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectError(errors.toFile()).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(PROCESS_SECONDS_MAX, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
            + Files.readString(errors));
      }
      return new String(output, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
