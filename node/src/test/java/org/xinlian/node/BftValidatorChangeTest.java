package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * signed by three of them replaces validator 3 by a fifth node; the fifth node, refused at the
 * handshake until the change is recorded, then connects, syncs and votes; from the activation
 * height every certificate verifies against the new set only, the removed validator follows
 * without proposing, every node agrees on the sets, and a restarted validator keeps them.
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
      for (int i = 0; i < 4; i++) {
        network.start(i);
      }
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
      List<Node> validators = network.running();
      BftTestNetwork.await("the update recorded on the four validators", () -> validators.stream()
          .allMatch(node -> node.blocks().transactionLocation(hash).isPresent()));
      for (Node node : validators) {
        assertTrue(node.blocks().transaction(hash).orElseThrow().receipt().success(), "the update succeeded");
        assertEquals(epoch, node.execution().validatorHistory().latest());
      }
      long recordedAt = network.node(0).blocks().transactionLocation(hash).orElseThrow().blockNumber();
      assertTrue(recordedAt + 2 <= activation, "recorded at " + recordedAt + ", activation " + activation);

      Node added = network.start(ADDED);
      assertFalse(added.consensus().orElseThrow().validator(), "a follower until it syncs the change");
      BftTestNetwork.await("every node, the new one included, past the activation by 8 heights",
          () -> network.running().stream().allMatch(node -> BftTestNetwork.height(node) >= activation + 8));
      Address addedAddress = network.addresses.get(ADDED);
      BftTestNetwork.await("a block at or after the activation proposed by the new validator",
          () -> proposedSince(network.node(0), activation, addedAddress));

      long checked = network.assertSameChain(network.running(), height -> height < activation ? before : after);
      assertTrue(checked >= activation + 8);
      for (long height = activation; height <= checked; height++) {
        BlockHeader header = network.node(0).blocks().header(height).orElseThrow();
        assertNotEquals(network.addresses.get(REMOVED), header.proposer(), "height " + height);
      }
      for (Node node : network.running()) {
        ConsensusService consensus = node.consensus().orElseThrow();
        long next = BftTestNetwork.height(node) + 1;
        assertEquals(after, consensus.validatorSet(next));
        assertEquals(before, consensus.validatorSet(activation - 1));
        assertEquals(!consensus.address().equals(network.addresses.get(REMOVED)), consensus.validator());
        assertTrue(node.producerFailure().isEmpty(), () -> node.producerFailure().get().toString());
      }
      assertTrue(network.node(REMOVED).consensus().orElseThrow().connectedPeers().size() >= 1,
          "the removed validator stays connected as a follower");

      // A restarted validator reads the sets from its ledger and goes on voting with the new one.
      long target = BftTestNetwork.height(network.node(1));
      network.stop(0);
      Node restarted = network.start(0);
      assertEquals(after, restarted.consensus().orElseThrow().validatorSet(BftTestNetwork.height(restarted) + 1));
      assertEquals(network.node(1).execution().validatorHistory(), restarted.execution().validatorHistory());
      BftTestNetwork.await("the restarted validator to pass height " + (target + 4),
          () -> BftTestNetwork.height(restarted) > target + 4);
      network.assertSameChain(network.running(), height -> height < activation ? before : after);
      assertTrue(restarted.consensus().orElseThrow().validator());
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
