package org.xinlian.rpc.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Clock;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

class RpcPermissionsTest {
  @Test
  @DisplayName("OPS-5 Besu's namespace:method and namespace:* forms, bare method names, *:* and exclusions")
  void matching() {
    RpcPermissions eth = RpcPermissions.parse("eth:*,net:version");
    assertTrue(eth.allows("eth_call"));
    assertTrue(eth.allows("net_version"));
    assertFalse(eth.allows("net_peerCount"));
    assertFalse(eth.allows("xinlian_getGovernance"));
    assertTrue(RpcPermissions.parse("eth_sendRawTransaction").allows("eth_sendRawTransaction"));
    assertFalse(RpcPermissions.parse("eth_sendRawTransaction").allows("eth_call"));
    RpcPermissions reader = RpcPermissions.parse("*:*,!eth_sendRawTransaction");
    assertTrue(reader.allows("xinlian_getGovernance"));
    assertFalse(reader.allows("eth_sendRawTransaction"));
    assertFalse(RpcPermissions.NONE.allows("eth_chainId"));
  }

  @Test
  @DisplayName("OPS-5 malformed patterns are refused naming the entry")
  void malformed() {
    DecodingException e = assertThrows(DecodingException.class, () -> RpcPermissions.parse("eth:*,eth*"));
    assertTrue(e.getMessage().contains("permissions.1"), e.getMessage());
    assertThrows(DecodingException.class, () -> RpcPermissions.parse("eth:call;drop"));
  }

  @Test
  @DisplayName("OPS-3 an SM2SM3 token signed with the chain's SM2 key verifies; another key's does not")
  void sm2Tokens() throws Exception {
    CryptoSuite gm = CryptoSuites.gm();
    KeyPair key = gm.generateKeyPair(new java.security.SecureRandom());
    KeyPair other = gm.generateKeyPair(new java.security.SecureRandom());
    RpcAuthConfig config = new RpcAuthConfig(true, Optional.empty(), List.of(), List.of(key.publicKey()), gm,
        RpcAuthConfig.TOKEN_BYTES_DEFAULT, 3600, 5, List.of(), Optional.empty());
    RpcAuthenticator authenticator = new RpcAuthenticator(config, Clock.system());
    RpcTokens.Claims claims = new RpcTokens.Claims(RpcPermissions.parse("xinlian:*"), Optional.of("app"),
        Instant.now(), Instant.now().plusSeconds(60));
    RpcPrincipal principal = authenticator.authenticate("Bearer " + RpcTokens.sm2(gm, key.privateKey(), claims), List.of());
    assertTrue(principal.allows("xinlian_getGovernance"));
    assertFalse(principal.allows("eth_call"));
    RpcAuthException e = assertThrows(RpcAuthException.class,
        () -> authenticator.authenticate("Bearer " + RpcTokens.sm2(gm, other.privateKey(), claims), List.of()));
    assertTrue(e.getMessage().contains("bad token signature"), e.getMessage());
    RpcAuthException hs = assertThrows(RpcAuthException.class, () -> authenticator.authenticate("Bearer "
        + RpcTokens.hs256("0123456789abcdef0123456789abcdef".getBytes(), claims), List.of()));
    assertTrue(hs.getMessage().contains("HS256 is not configured"), hs.getMessage());
  }
}
