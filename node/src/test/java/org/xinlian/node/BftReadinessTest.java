package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuites;

/** NODE-18: /health says alive, /ready says whether the node is a working member of its network. */
class BftReadinessTest {
  @TempDir Path directory;

  @Test
  void aValidatorAloneIsAliveButNotReadyUntilItHasAQuorumOfPeers() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.create(directory, CryptoSuites.STANDARD, 4)) {
      Node first = network.start(0);
      int port = first.rpcAddress().getPort();
      assertEquals(200, NodeFixture.getResponse(port, "/health").statusCode());
      HttpResponse<String> alone = NodeFixture.getResponse(port, "/ready");
      assertEquals(503, alone.statusCode(), alone.body());
      assertTrue(alone.body().contains("\"status\":\"not ready\""), alone.body());
      assertTrue(alone.body().contains("peers: 0 connected, 2 needed"), alone.body());
      assertTrue(first.health().problems().stream().anyMatch(problem -> problem.startsWith("peers:")));

      network.start(1);
      network.start(2);
      BftTestNetwork.await("node 0 to be ready with two peers and a commit", () -> {
        try {
          return NodeFixture.getResponse(port, "/ready").statusCode() == 200;
        } catch (Exception e) {
          return false;
        }
      });
      HttpResponse<String> ready = NodeFixture.getResponse(port, "/ready");
      assertTrue(ready.body().startsWith("{\"status\":\"ready\""), ready.body());
      assertTrue(ready.body().contains("\"problems\":[]"), ready.body());
      assertTrue(first.health().lastCommitAgeMillis().orElseThrow() >= 0);
    }
  }
}
