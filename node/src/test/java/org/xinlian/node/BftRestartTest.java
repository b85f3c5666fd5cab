package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuites;

/**
 * NODE-10, NODE-13: a BFT node (here the single validator of its network, a quorum by itself)
 * writes its write-ahead state into the data directory, restarts on the same chain with every
 * certified block, and refuses to start over a damaged state rather than risk signing twice; a
 * mistake in its P2P files is one start error naming the field.
 */
class BftRestartTest {
  @TempDir Path directory;

  @Test
  void restartResumesAndADamagedStateRefusesToStart() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.create(directory, CryptoSuites.STANDARD, 1)) {
      Node node = network.start(0);
      BftTestNetwork.await("three heights", () -> BftTestNetwork.height(node) >= 3);
      network.stop(0);
      Path data = directory.resolve("node0").resolve("data");
      Path state = data.resolve("consensus-state");
      assertTrue(Files.size(state) > 0, "the validator recorded what it signed");
      byte[] recorded = Files.readAllBytes(state);

      Node restarted = network.start(0);
      long head = BftTestNetwork.height(restarted);
      assertTrue(head >= 3);
      Hash third = restarted.blocks().canonicalHash(3).orElseThrow();
      BftTestNetwork.await("more heights after the restart", () -> BftTestNetwork.height(restarted) >= head + 2);
      assertEquals(third, restarted.blocks().canonicalHash(3).orElseThrow());
      network.assertSameChain(java.util.List.of(restarted));
      network.stop(0);

      Files.write(state, new byte[] {(byte) 0xc1, 0x01, 0x02});
      NodeStartException refused = assertThrows(NodeStartException.class, () -> network.start(0));
      assertTrue(refused.getMessage().contains("consensus"), refused.getMessage());
      // The refusal closed everything it opened: with the state restored the node starts again.
      Files.write(state, recorded);
      Node again = network.start(0);
      assertTrue(BftTestNetwork.height(again) >= head + 2);
    }
  }

  @Test
  void unreadableCertificateIsOneStartError() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.create(directory, CryptoSuites.GM, 1)) {
      Files.writeString(directory.resolve("node0").resolve("transport.pem"), "not a certificate");
      NodeStartException refused = assertThrows(NodeStartException.class, () -> network.start(0));
      assertTrue(refused.getMessage().contains("p2p.transportCertificateFile"), refused.getMessage());
      Files.delete(directory.resolve("node0").resolve("node.key.pem"));
      NodeStartException missing = assertThrows(NodeStartException.class,
          () -> Node.start(NodeConfig.load(network.configFiles.get(0)), Clock.system()));
      assertTrue(missing.getMessage().contains("nodeKeyFile"), missing.getMessage());
    }
  }
}
