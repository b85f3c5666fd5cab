package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.governance.Role;
import org.xinlian.rpc.auth.RpcPermissions;
import org.xinlian.rpc.auth.RpcTokens;

/** A permissioned node limits tokens by the governance roles its head state gives their subjects (OPS-9). */
class NodeRpcRolesTest {
  private static final byte[] SECRET = new byte[32];

  @TempDir Path directory;

  @Test
  @DisplayName("OPS-9 an operator's token calls what the operator role allows, a user's less, an outsider's nothing")
  void rolesFromHeadState() throws Exception {
    SECRET[0] = 7;
    Path secret = Files.writeString(directory.resolve("rpc.secret"), HexFormat.of().formatHex(SECRET));
    RpcSecurityConfig security = new RpcSecurityConfig(Optional.empty(), Optional.of(new RpcSecurityConfig.Auth(true,
        Optional.of(secret), List.of(), List.of(), 4096, 3600, 30, List.of(),
        Optional.of(Map.of(Role.OPERATOR, RpcPermissions.ALL, Role.USER, RpcPermissions.parse("eth:chainId"))))));
    try (PermissionedChain chain = new PermissionedChain(directory, CryptoSuites.STANDARD, security)) {
      HttpClient http = HttpClient.newHttpClient();
      String operator = token(chain.address(PermissionedChain.OPERATOR).toString());
      String user = token(chain.address(PermissionedChain.USER).toString());
      String outsider = token(chain.address(PermissionedChain.OUTSIDER).toString());
      assertEquals(200, call(http, chain, operator, "eth_blockNumber").statusCode());
      assertEquals(200, call(http, chain, user, "eth_chainId").statusCode());
      HttpResponse<String> userBlock = call(http, chain, user, "eth_blockNumber");
      assertEquals(401, userBlock.statusCode());
      assertTrue(userBlock.body().contains("governance role"), userBlock.body());
      HttpResponse<String> stranger = call(http, chain, outsider, "eth_chainId");
      assertEquals(401, stranger.statusCode());
      assertTrue(stranger.body().contains("holds no governance role"), stranger.body());
    }
  }

  private static String token(String subject) {
    return RpcTokens.hs256(SECRET, new RpcTokens.Claims(RpcPermissions.ALL, Optional.of(subject), Instant.now(),
        Instant.now().plusSeconds(300)));
  }

  private static HttpResponse<String> call(HttpClient http, PermissionedChain chain, String token, String method)
      throws Exception {
    return http.send(HttpRequest.newBuilder(chain.rpc()).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
