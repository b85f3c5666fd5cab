package org.xinlian.cli.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.xinlian.cli.network.NetworkInit.FundedAccount;
import org.xinlian.common.Address;
import org.xinlian.node.DevChain;

/**
 * The JSON files of a network: its genesis (docs/spec/genesis.md) and one node configuration per
 * node (docs/spec/node.md, NODE-1 with the {@code p2p} and {@code consensus} sections of issue 6).
 * Paths in a configuration are relative to the node's directory, so the network directory can be
 * moved or copied as a whole.
 */
final class NetworkFiles {
  /**
   * A BFT network makes an empty block after a second without transactions, so heights keep
   * moving and a stalled network is visible at once (the shared design of issue 6).
   */
  static final long EMPTY_BLOCK_INTERVAL_MS = 1_000;
  /** The first round's timeout; the engine lets later rounds grow from it. */
  static final long ROUND_TIMEOUT_MS = 2_000;
  /** 0: propose as soon as the previous height is committed and transactions are pending. */
  static final long CONSENSUS_BLOCK_INTERVAL_MS = 0;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NetworkFiles() {}

  /**
   * The genesis of {@code spec}: the dev chain's parameters (NODE-5: gas limit, Ethereum fees with
   * base fee zero) with the nodes as validators, in node order, which is the consensus order.
   */
  static String genesis(NetworkSpec spec, long timestampSeconds, List<Address> validators,
      List<FundedAccount> funded) {
    ObjectNode root = JSON.createObjectNode();
    root.put("chainId", spec.chainId());
    root.put("suite", spec.suite());
    root.put("timestamp", timestampSeconds);
    root.put("blockGasLimit", DevChain.BLOCK_GAS_LIMIT);
    root.put("feeMode", "ethereum");
    root.put("baseFeePerGas", "0");
    ArrayNode validatorArray = root.putArray("validators");
    validators.forEach(validator -> validatorArray.add(validator.toString()));
    ObjectNode alloc = root.putObject("alloc");
    for (FundedAccount account : funded) {
      alloc.putObject(account.address().toString()).put("balance", DevChain.ACCOUNT_BALANCE_WEI.toString());
    }
    return write(root);
  }

  /**
   * Node {@code index}'s configuration: RPC and P2P on its ports, every other node as a static
   * peer, and every node of the network (and only those) allowed to connect.
   */
  static String nodeConfig(NetworkSpec spec, int index, List<Address> nodeAddresses) {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataDirectory", NetworkLayout.DATA_DIRECTORY);
    root.put("genesisFile", "../" + NetworkLayout.GENESIS_FILE);
    root.putObject("rpc").put("host", NetworkSpec.HOST).put("port", spec.rpcPort(index));
    root.putObject("blockProduction").put("emptyBlockIntervalMs", EMPTY_BLOCK_INTERVAL_MS);
    root.put("nodeKeyFile", NetworkLayout.NODE_KEY_FILE);
    ObjectNode p2p = root.putObject("p2p");
    p2p.put("host", NetworkSpec.HOST);
    p2p.put("port", spec.p2pPort(index));
    ArrayNode peers = p2p.putArray("peers");
    for (int other = 0; other < spec.nodes(); other++) {
      if (other != index) {
        peers.add(NetworkSpec.HOST + ":" + spec.p2pPort(other));
      }
    }
    String ca = "../" + NetworkLayout.CA_DIRECTORY + "/";
    p2p.put("nodeCertificateFile", NetworkLayout.NODE_CERTIFICATE_FILE);
    p2p.put("consortiumCaFile", ca + NetworkLayout.CONSORTIUM_CA_CERTIFICATE_FILE);
    p2p.put("transportKeyFile", NetworkLayout.TRANSPORT_KEY_FILE);
    p2p.put("transportCertificateFile", NetworkLayout.TRANSPORT_CERTIFICATE_FILE);
    p2p.put("transportCaFile", ca + NetworkLayout.TRANSPORT_CA_CERTIFICATE_FILE);
    ArrayNode allowed = p2p.putArray("allowedNodes");
    nodeAddresses.forEach(address -> allowed.add(address.toString()));
    // The node's own log rotates in logs/ (node.0.log the newest); node.log keeps only what the
    // process prints: its start line, its banner, a failure before logging starts.
    root.putObject("logging").put("file", NetworkLayout.ROTATING_LOG_FILE);
    root.putObject("consensus")
        .put("roundTimeoutMs", ROUND_TIMEOUT_MS)
        .put("blockIntervalMs", CONSENSUS_BLOCK_INTERVAL_MS);
    return write(root);
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
