package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esaulpaugh.headlong.abi.Function;
import java.math.BigInteger;
import java.nio.file.Path;
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
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.NodeRole;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;

/**
 * P2P membership follows governance on a running permissioned network (docs/spec/governance.md
 * GOV-14, docs/spec/node.md NODE-23, docs/spec/network.md NETWORK-22): two genesis validators and
 * a third certified node in one process, real sockets and RocksDB, no restart and no
 * {@code allowedNodes} edit. The third node is refused until a proposal adds it as an observer,
 * then connects and syncs; a proposal removing it makes both validators drop it at the block that
 * executed the removal (it gets no later block) and refuse its redials as revoked. A proposal
 * removing validator 1 leaves it voting up to the activation of the epoch without it (every block
 * until then needs both votes) and drops it from there.
 */
class BftGovernedMembershipTest {
  private static final Function PROPOSE = Function.parse("propose(uint8,bytes,uint64,uint64)", "(uint64)");
  private static final Function VOTE = Function.parse("vote(uint64,uint8)");
  private static final long VOTING_PERIOD_BLOCKS = 1_000;
  private static final int GOVERNOR = 0;
  private static final int OBSERVER = 2;
  private static final int REMOVED_VALIDATOR = 1;
  /** Heights past a change after which a dropped node must still be where it was dropped. */
  private static final long HEIGHTS_AFTER = 8;

  @TempDir Path directory;

  private long nonce;
  private long proposals;

  @Test
  void observersAreAdmittedAndRemovedNodesDroppedAtTheirHeight() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.createPermissioned(directory, CryptoSuites.STANDARD, 3, 2)) {
      network.startAll();
      Node first = network.node(0);
      Node observer = network.node(OBSERVER);
      BftTestNetwork.await("node 0 to refuse the third node as not allowed",
          () -> refusals(first, "not_allowed") >= 1);
      assertTrue(observer.consensus().orElseThrow().connectedPeers().isEmpty());

      Address observerAddress = network.addresses.get(OBSERVER);
      long added = pass(network, ProposalKind.ADD_OBSERVER, abi(observerAddress), "org1");
      // The block is stored a moment before the commit refreshes the head's governance.
      BftTestNetwork.await("the observer role on node 0", () -> role(first, observerAddress) == NodeRole.OBSERVER);
      BftTestNetwork.await("the observer admitted by both validators and syncing past height " + (added + 2),
          () -> connected(network, 0, OBSERVER) && connected(network, 1, OBSERVER)
              && BftTestNetwork.height(observer) >= added + 2);
      assertFalse(observer.consensus().orElseThrow().validator());

      long removedAt = pass(network, ProposalKind.REMOVE_NODE, abi(observerAddress));
      BftTestNetwork.await("both validators to drop the observer and refuse its redials as revoked",
          () -> !connected(network, 0, OBSERVER) && !connected(network, 1, OBSERVER)
              && Math.max(0, refusals(first, "revoked")) + Math.max(0, refusals(network.node(1), "revoked")) >= 1);
      BftTestNetwork.await("the validators " + HEIGHTS_AFTER + " heights past the removal",
          () -> BftTestNetwork.height(first) >= removedAt + HEIGHTS_AFTER);
      assertTrue(BftTestNetwork.height(observer) <= removedAt,
          "the removed observer got block " + BftTestNetwork.height(observer) + " after its removal at " + removedAt);
      assertTrue(observer.consensus().orElseThrow().connectedPeers().isEmpty());

      Address validatorAddress = network.addresses.get(REMOVED_VALIDATOR);
      long executedAt = pass(network, ProposalKind.REMOVE_NODE, abi(validatorAddress));
      long activation = executedAt + 2;
      BftTestNetwork.await("the epoch without validator 1 recorded for height " + activation,
          () -> first.execution().validatorHistory().latest().activationHeight() == activation
              && role(first, validatorAddress) == NodeRole.REMOVED);
      BftTestNetwork.await("node 0 alone " + HEIGHTS_AFTER + " heights past the activation " + activation,
          () -> BftTestNetwork.height(first) >= activation + HEIGHTS_AFTER);
      BftTestNetwork.await("node 0 to drop the removed validator",
          () -> !connected(network, 0, REMOVED_VALIDATOR));
      Node removed = network.node(REMOVED_VALIDATOR);
      assertTrue(BftTestNetwork.height(removed) <= activation - 1, "the removed validator got block "
          + BftTestNetwork.height(removed) + ", at or after the activation " + activation);
      // Two of two sign every block before the activation: validator 1 voted up to it.
      ValidatorSet both = network.validators;
      ValidatorSet alone = ValidatorSet.equalPower(List.of(network.addresses.get(0)));
      network.assertSameChain(List.of(first), height -> height < activation ? both : alone);
      network.assertSameChain(List.of(first, removed), height -> height < activation ? both : alone);
      assertTrue(first.consensus().orElseThrow().validator());
      assertFalse(removed.consensus().orElseThrow().validator());
      for (Node node : network.running()) {
        assertTrue(node.producerFailure().isEmpty(), () -> node.producerFailure().get().toString());
      }
    }
  }

  /**
   * Sends a proposal and the governor's vote through node 0 and waits until the vote's block is
   * committed there; returns that block's height, where the proposal executed.
   */
  private long pass(BftTestNetwork network, ProposalKind kind, Object... payload) throws Exception {
    byte[] propose = PROPOSE.encodeCallWithArgs(kind.code(), ProposalPayloads.encode(kind, payload),
        BigInteger.ZERO, BigInteger.valueOf(VOTING_PERIOD_BLOCKS)).array();
    long id = ++proposals;
    byte[] vote = VOTE.encodeCallWithArgs(BigInteger.valueOf(id), Choice.FOR.code()).array();
    Node first = network.node(0);
    send(network, network.governanceCall(GOVERNOR, nonce++, propose));
    Hash voteHash = send(network, network.governanceCall(GOVERNOR, nonce++, vote));
    BftTestNetwork.await(kind + " voted through", () -> first.blocks().transactionLocation(voteHash).isPresent());
    assertTrue(first.blocks().transaction(voteHash).orElseThrow().receipt().success(), "the vote succeeded");
    return first.blocks().transactionLocation(voteHash).orElseThrow().blockNumber();
  }

  private static Hash send(BftTestNetwork network, byte[] raw) throws Exception {
    String response = NodeFixture.post(network.node(0).rpcAddress().getPort(), "{\"jsonrpc\":\"2.0\",\"id\":1,"
        + "\"method\":\"eth_sendRawTransaction\",\"params\":[\"" + Hex.encode(raw) + "\"]}");
    Hash hash = network.hashOf(raw);
    assertTrue(response.contains(hash.toString()), response);
    return hash;
  }

  /** The node's role at the head of {@code node}, or null while governance does not list it. */
  private static NodeRole role(Node node, Address address) {
    return node.execution().governedNodes().orElseThrow().stream()
        .filter(entry -> entry.node().equals(address)).map(GovernanceRecords.Node::role)
        .findFirst().orElse(null);
  }

  private static boolean connected(BftTestNetwork network, int from, int to) {
    return network.node(from).consensus().orElseThrow().connectedPeers().contains(network.addresses.get(to));
  }

  private static com.esaulpaugh.headlong.abi.Address abi(Address address) {
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }

  /** P2P refusals of one reason on a node's /metrics (NODE-14). */
  private static double refusals(Node node, String reason) {
    try {
      String metrics = NodeFixture.get(node.rpcAddress().getPort(), "/metrics");
      Matcher matcher = Pattern.compile("(?m)^xinlian_p2p_connections_refused_total\\{[^}]*reason=\""
          + reason + "\"[^}]*\\} ([0-9.E+-]+)$").matcher(metrics);
      return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
