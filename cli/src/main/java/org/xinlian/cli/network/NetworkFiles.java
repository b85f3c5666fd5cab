package org.xinlian.cli.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /** An organisation's user quota in genesis: GOV-1's default, written out so operators see it. */
  static final int USER_QUOTA_DEFAULT = 10_000;
  /** Each organisation's governor votes with this weight (GOV-1's default). */
  static final int GOVERNOR_WEIGHT = 1;
  /**
   * The roles the development accounts get, so the README's deploy examples keep working and a
   * development account may admit users of org1 (the bench's senders, GOV-10).
   */
  static final List<String> DEV_ACCOUNT_ROLES = List.of("operator", "user", "orgAdmin");

  /** One organisation of the genesis section: its id and name and its CA certificate (PEM). */
  record OrganisationEntry(String id, String name, String caCertificatePem) {}

  /** One node of the genesis section. */
  record NodeEntry(Address address, String organisation, boolean validator) {}

  /** One governor of the genesis section. */
  record GovernorEntry(Address address, String organisation) {}

  /**
   * The consortium's members for the {@code governance} section (docs/spec/governance.md GOV-1):
   * the organisations with their CA certificates, one governor each, every node with its role,
   * and the accounts (the development accounts, operators and users of the first organisation).
   */
  record Consortium(List<OrganisationEntry> organisations, List<GovernorEntry> governors,
      List<NodeEntry> nodes, List<Address> devAccounts) {}

  /**
   * The genesis of {@code spec}: the dev chain's parameters (NODE-5: gas limit, Ethereum fees with
   * base fee zero) with the validator nodes as validators, in node order, which is the consensus
   * order, and, when {@code spec.governance()}, the consortium's {@code governance} section.
   */
  static String genesis(NetworkSpec spec, long timestampSeconds, Consortium consortium,
      List<FundedAccount> funded) {
    ObjectNode root = JSON.createObjectNode();
    root.put("chainId", spec.chainId());
    root.put("suite", spec.suite());
    root.put("timestamp", timestampSeconds);
    root.put("blockGasLimit", DevChain.BLOCK_GAS_LIMIT);
    root.put("feeMode", "ethereum");
    root.put("baseFeePerGas", "0");
    ArrayNode validatorArray = root.putArray("validators");
    consortium.nodes().stream().filter(NodeEntry::validator)
        .forEach(node -> validatorArray.add(node.address().toString()));
    ObjectNode alloc = root.putObject("alloc");
    for (FundedAccount account : funded) {
      alloc.putObject(account.address().toString()).put("balance", DevChain.ACCOUNT_BALANCE_WEI.toString());
    }
    if (spec.governance()) {
      root.set("governance", governance(consortium));
    }
    return write(root);
  }

  /** The {@code governance} section of GOV-1. */
  static ObjectNode governance(Consortium consortium) {
    ObjectNode governance = JSON.createObjectNode();
    ArrayNode organisations = governance.putArray("organisations");
    for (OrganisationEntry organisation : consortium.organisations()) {
      organisations.addObject().put("id", organisation.id()).put("name", organisation.name())
          .put("caCertificate", organisation.caCertificatePem()).put("userQuota", USER_QUOTA_DEFAULT);
    }
    ArrayNode governors = governance.putArray("governors");
    for (GovernorEntry governor : consortium.governors()) {
      governors.addObject().put("address", governor.address().toString())
          .put("organisation", governor.organisation()).put("weight", GOVERNOR_WEIGHT);
    }
    ArrayNode nodes = governance.putArray("nodes");
    for (NodeEntry node : consortium.nodes()) {
      nodes.addObject().put("address", node.address().toString()).put("organisation", node.organisation())
          .put("role", node.validator() ? "validator" : "observer");
    }
    // Optional in GOV-1: left out rather than empty when no development account is funded.
    if (!consortium.devAccounts().isEmpty()) {
      ArrayNode accounts = governance.putArray("accounts");
      String first = consortium.organisations().get(0).id();
      for (Address account : consortium.devAccounts()) {
        ArrayNode roles = accounts.addObject().put("address", account.toString()).put("organisation", first)
            .putArray("roles");
        DEV_ACCOUNT_ROLES.forEach(roles::add);
      }
    }
    return governance;
  }

  /**
   * Node {@code index}'s configuration: RPC and P2P on its ports; as static peers, every other
   * validator (an observer dials the validators, which need not dial it); every node of the
   * network, observers included, allowed to connect (and only those).
   */
  static String nodeConfig(NetworkSpec spec, int index, List<Address> nodeAddresses) {
    return nodeConfig(spec.rpcPort(index), spec.p2pPort(index), validatorPeers(spec, index), nodeAddresses);
  }

  /** The P2P addresses of the validators other than node {@code index}. */
  static List<String> validatorPeers(NetworkSpec spec, int index) {
    List<String> peers = new ArrayList<>();
    for (int other = 0; other < spec.validators(); other++) {
      if (other != index) {
        peers.add(NetworkSpec.HOST + ":" + spec.p2pPort(other));
      }
    }
    return peers;
  }

  /** A node configuration of the network layout with these ports, peers and allowed nodes. */
  static String nodeConfig(int rpcPort, int p2pPort, List<String> peerAddresses, List<Address> nodeAddresses) {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataDirectory", NetworkLayout.DATA_DIRECTORY);
    root.put("genesisFile", "../" + NetworkLayout.GENESIS_FILE);
    root.putObject("rpc").put("host", NetworkSpec.HOST).put("port", rpcPort);
    root.putObject("blockProduction").put("emptyBlockIntervalMs", EMPTY_BLOCK_INTERVAL_MS);
    root.put("nodeKeyFile", NetworkLayout.NODE_KEY_FILE);
    ObjectNode p2p = root.putObject("p2p");
    p2p.put("host", NetworkSpec.HOST);
    p2p.put("port", p2pPort);
    ArrayNode peers = p2p.putArray("peers");
    peerAddresses.forEach(peers::add);
    String ca = "../" + NetworkLayout.CA_DIRECTORY + "/";
    p2p.put("nodeCertificateFile", NetworkLayout.NODE_CERTIFICATE_FILE);
    p2p.put("consortiumCaFile", ca + NetworkLayout.CONSORTIUM_CA_CERTIFICATE_FILE);
    p2p.put("transportKeyFile", NetworkLayout.TRANSPORT_KEY_FILE);
    p2p.put("transportCertificateFile", NetworkLayout.TRANSPORT_CERTIFICATE_FILE);
    p2p.put("transportCaFile", ca + NetworkLayout.TRANSPORT_CA_CERTIFICATE_FILE);
    ArrayNode allowed = p2p.putArray("allowedNodes");
    nodeAddresses.forEach(address -> allowed.add(address.toString()));
    // The node's own log rolls in logs/ (node.log the current file, OPS-51); node.log keeps only what the
    // process prints: its start line, its banner, a failure before logging starts.
    root.putObject("logging").put("file", NetworkLayout.ROTATING_LOG_FILE);
    // Revocation lists (xinlian ca revoke) dropped into ca/crl/ take effect without a restart.
    root.putObject("keys").put("crlDirectory", ca + NetworkLayout.CRL_DIRECTORY);
    root.putObject("consensus")
        .put("roundTimeoutMs", ROUND_TIMEOUT_MS)
        .put("blockIntervalMs", CONSENSUS_BLOCK_INTERVAL_MS);
    return write(root);
  }

  /**
   * A node config whose keys are encrypted: the node key file is the encrypted one and the
   * passphrase comes from {@code passphraseFile} (absolute, so the node directory may move).
   */
  static String withEncryptedKeys(String config, java.nio.file.Path passphraseFile) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(config);
      root.put("nodeKeyFile", NetworkLayout.ENCRYPTED_NODE_KEY_FILE);
      root.with("keys").put("passphraseFile",
          passphraseFile.toAbsolutePath().normalize().toString());
      return write(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
