package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.node.consensus.ConsensusService;
import org.xinlian.types.block.BlockHeader;

/**
 * A validator set change on a running network (docs/adr/0009; EXECUTION-10, EXECUTION-11,
 * NODE-9, CONSENSUS-16): four validators in one process, real sockets and RocksDB. A transaction
 * signed by three of them replaces validator 3 by a fifth node. The fifth node, refused at the
 * handshake until the change is recorded, then connects, syncs and votes; the removed validator,
 * down across the change, syncs through it on restart (each certificate checked against the set
 * of its height) and follows without proposing; from the activation height every certificate
 * verifies against the new set only; every node holds the same history; a restarted validator
 * keeps the new set.
 */
class BftValidatorChangeTest {
  /** Heights between sending the update and its activation: room for gossip and inclusion. */
  private static final long ACTIVATION_MARGIN_HEIGHTS = 30;
  private static final int ADDED = 4;
  private static final int REMOVED = 3;

  @TempDir Path directory;

  @Test
  void quorumReplacesAValidatorAndTheNetworkFollowsTheNewSet() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.create(directory, CryptoSuites.STANDARD, 5, 4)) {
      network.startAll();
      // The fifth node is certified by the consortium CA but not a member yet: refused.
      BftTestNetwork.await("node 0 to refuse the fifth node at the handshake",
          () -> metric(network.node(0), "xinlian_p2p_connections_refused_total",
              "not_allowed") >= 1);
      assertTrue(network.node(ADDED).consensus().orElseThrow().connectedPeers().isEmpty());
      ValidatorSet before = network.validators;
      List<Address> nextAddresses = new ArrayList<>(List.of(network.addresses.get(0), network.addresses.get(1),
          network.addresses.get(2), network.addresses.get(ADDED)));
      nextAddresses.sort(null);
      ValidatorSet after = ValidatorSet.equalPower(nextAddresses);
      long activation = BftTestNetwork.height(network.node(0)) + ACTIVATION_MARGIN_HEIGHTS;
      ValidatorEpoch epoch = new ValidatorEpoch(1, activation, nextAddresses);

      byte[] raw = network.governance(0, 0, epoch, List.of(2, 0, 1));
      int port = network.node(0).rpcAddress().getPort();
      String response = NodeFixture.post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,"
          + "\"method\":\"eth_sendRawTransaction\",\"params\":[\"" + Hex.encode(raw) + "\"]}");
      Hash hash = network.hashOf(raw);
      assertTrue(response.contains(hash.toString()), response);
      List<Node> validators = network.running().subList(0, 4);
      BftTestNetwork.await("the update recorded on the four validators", () -> validators.stream()
          .allMatch(node -> node.blocks().transactionLocation(hash).isPresent()));
      for (Node node : validators) {
        assertTrue(node.blocks().transaction(hash).orElseThrow().receipt().success(), "the update succeeded");
        assertEquals(epoch, node.execution().validatorHistory().latest());
      }
      long recordedAt = network.node(0).blocks().transactionLocation(hash).orElseThrow().blockNumber();
      assertTrue(recordedAt + 2 <= activation, "recorded at " + recordedAt + ", activation " + activation);

      // The removed validator goes down before the change and must later sync across it.
      network.stop(REMOVED);
      BftTestNetwork.await("the fifth node admitted and past the activation by 8 heights, with 0 to 2",
          () -> List.of(0, 1, 2, ADDED).stream()
              .allMatch(i -> BftTestNetwork.height(network.node(i)) >= activation + 8));
      Address addedAddress = network.addresses.get(ADDED);
      BftTestNetwork.await("a block at or after the activation proposed by the new validator",
          () -> proposedSince(network.node(0), activation, addedAddress));

      long target = BftTestNetwork.height(network.node(0));
      Node removed = network.start(REMOVED);
      BftTestNetwork.await("the removed validator to sync across the change to height " + target,
          () -> BftTestNetwork.height(removed) >= target);
      long checked = network.assertSameChain(network.running(), height -> height < activation ? before : after);
      assertTrue(checked >= activation + 8);
      for (long height = activation; height <= checked; height++) {
        BlockHeader header = network.node(0).blocks().header(height).orElseThrow();
        assertNotEquals(network.addresses.get(REMOVED), header.proposer(), "height " + height);
      }
      for (Node node : network.running()) {
        ConsensusService consensus = node.consensus().orElseThrow();
        assertEquals(after, consensus.validatorSet(BftTestNetwork.height(node) + 1));
        assertEquals(before, consensus.validatorSet(activation - 1));
        assertEquals(network.node(1).execution().validatorHistory(), node.execution().validatorHistory());
        assertEquals(!consensus.address().equals(network.addresses.get(REMOVED)), consensus.validator());
        assertTrue(node.producerFailure().isEmpty(), () -> node.producerFailure().get().toString());
      }

      // A restarted validator reads the sets from its ledger and goes on voting with the new one.
      long restartTarget = BftTestNetwork.height(network.node(1));
      network.stop(0);
      Node restarted = network.start(0);
      assertEquals(after, restarted.consensus().orElseThrow().validatorSet(BftTestNetwork.height(restarted) + 1));
      assertTrue(restarted.consensus().orElseThrow().validator());
      BftTestNetwork.await("the restarted validator to pass height " + (restartTarget + 4),
          () -> BftTestNetwork.height(restarted) > restartTarget + 4);
      network.assertSameChain(network.running(), height -> height < activation ? before : after);
    }
  }

  /** A counter's value for one reason (P2P refusals are counted by reason, NODE-14). */
  private static double metric(Node node, String name, String reason) {
    try {
      String metrics = NodeFixture.get(node.rpcAddress().getPort(), "/metrics");
      Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*reason=\"" + reason
          + "\"[^}]*\\} ([0-9.E+-]+)$").matcher(metrics);
      return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static boolean proposedSince(Node node, long from, Address proposer) {
    for (long height = from; height <= BftTestNetwork.height(node); height++) {
      if (node.blocks().header(height).orElseThrow().proposer().equals(proposer)) {
        return true;
      }
    }
    return false;
  }
}
