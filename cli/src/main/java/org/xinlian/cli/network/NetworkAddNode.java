package org.xinlian.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.TransportCertificates;

/**
 * {@code xinlian network add-node}: one more node for an existing network (docs/spec/
 * local-network.md LOCALNET-13): keys and certificates from its organisation's CAs (whose keys
 * must be back in ca-keys/ for the time it runs), its config with the validators as peers and the next
 * ports, and its address added to every node's {@code allowedNodes} so it can connect and sync
 * once they restart. It votes nothing in: a validator joins the set only when the members decide
 * so (docs/adr/0009, GOV-14); until then it is an observer.
 */
public final class NetworkAddNode {
  /** The node made. */
  public record AddedNode(int index, Address address, String organisation, boolean validator, int rpcPort,
      int p2pPort, String suite, boolean governance) {}

  private static final Pattern ORGANISATION_DIRECTORY = Pattern.compile("org([1-9][0-9]{0,8})");
  /** A genesis of a local network is small; the CLI reads at most this much of it. */
  private static final int GENESIS_BYTES_MAX = 16 * 1024 * 1024;
  private static final int PEM_BYTES_MAX = 64 * 1024;
  private static final int PORT_MAX = 65_535;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NetworkAddNode() {}

  /**
   * Adds node {@code n} (n being the number of nodes now) to the network in {@code directory},
   * certified by {@code organisation} (empty: round robin, as init assigns them).
   */
  public static AddedNode add(Path directory, boolean validator, Optional<String> organisation, Instant now,
      SecureRandom random) throws IOException {
    NetworkLayout layout = new NetworkLayout(directory);
    List<Integer> indexes = layout.nodeIndexes();
    int index = indexes.size();
    if (index >= NetworkSpec.NODES_MAX) {
      throw new IllegalArgumentException("--dir: the network in " + layout.directory() + " has "
          + NetworkSpec.NODES_MAX + " nodes, the most a local network has");
    }
    JsonNode genesis = JSON.readTree(readBounded(layout.genesisFile(), GENESIS_BYTES_MAX));
    CryptoSuite suite = CryptoSuites.byName(genesis.path("suite").asText());
    List<String> organisations = organisations(layout);
    String chosen = organisation.orElse(organisations.get(index % organisations.size()));
    if (!organisations.contains(chosen)) {
      throw new IllegalArgumentException("--org: no organisation " + chosen + " in " + layout.caDirectory()
          + " (" + String.join(", ", organisations) + ")");
    }
    NetworkPki pki = NetworkPki.of(suite, List.of(authorities(layout, suite, chosen)), now, random);

    Set<String> validators = new HashSet<>();
    genesis.path("validators").forEach(address -> validators.add(address.asText().toLowerCase()));
    List<Address> addresses = new ArrayList<>();
    List<String> validatorPeers = new ArrayList<>();
    Set<Integer> portsTaken = new HashSet<>();
    for (int existing : indexes) {
      NodeEndpoints endpoints = NodeEndpoints.read(existing, layout.configFile(existing));
      portsTaken.add(endpoints.rpcPort());
      endpoints.p2pPort().ifPresent(portsTaken::add);
      Address address = nodeAddress(layout, existing, suite);
      addresses.add(address);
      if (validators.contains(address.toString().toLowerCase()) && endpoints.p2pPort().isPresent()) {
        validatorPeers.add(NetworkSpec.HOST + ":" + endpoints.p2pPort().getAsInt());
      }
    }
    NodeEndpoints first = NodeEndpoints.read(0, layout.configFile(0));
    int rpcPort = freePort("rpc", first.rpcPort() + index, portsTaken);
    int p2pPort = freePort("p2p", first.p2pPort().orElseThrow(() -> new IllegalArgumentException(
        "--dir: node0 has no p2p section; add-node needs a BFT network")) + index, portsTaken);

    NetworkPki.NodeCredentials node = pki.issueNode(NetworkLayout.NODE_DIRECTORY_PREFIX + index, 0);
    addresses.add(node.address());
    NetworkInit.writeNode(layout, index, pki, node, NetworkFiles.nodeConfig(rpcPort, p2pPort, validatorPeers, addresses), null, random);
    for (int existing : indexes) {
      allow(layout.configFile(existing), node.address());
    }
    return new AddedNode(index, node.address(), chosen, validator, rpcPort, p2pPort, suite.name(),
        genesis.has("governance"));
  }

  /** The organisations of the network: the org&lt;k&gt; directories of ca/, in number order. */
  static List<String> organisations(NetworkLayout layout) throws IOException {
    List<String> found;
    try (Stream<Path> list = Files.list(layout.caDirectory())) {
      found = list.filter(Files::isDirectory).map(path -> path.getFileName().toString())
          .filter(name -> ORGANISATION_DIRECTORY.matcher(name).matches())
          .sorted(java.util.Comparator.comparingLong(name -> Long.parseLong(name.substring(3)))).toList();
    } catch (NoSuchFileException e) {
      found = List.of();
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("--dir: " + layout.caDirectory() + " holds no organisation's CA "
          + "(org1/ca.pem ...); the network predates organisations, or ca/ was moved");
    }
    return found;
  }

  /**
   * Organisation {@code id}'s two CAs: the certificates from ca/&lt;id&gt;/, the keys, which must be
   * back from offline storage, from ca-keys/&lt;id&gt;/.
   */
  private static NetworkPki.Organisation authorities(NetworkLayout layout, CryptoSuite suite, String id)
      throws IOException {
    Path directory = layout.organisationCaDirectory(id);
    Path keys = layout.organisationCaKeyDirectory(id);
    TransportCertificates transport = CryptoSuites.transport(suite);
    X509Certificate nodeCa = suite.certificateFromPem(pem(directory.resolve(NetworkLayout.ORGANISATION_CA_CERTIFICATE_FILE)));
    var nodeCaKey = suite.keyPairFromPrivateKey(
        suite.privateKeyFromPem(pem(keys.resolve(NetworkLayout.ORGANISATION_CA_KEY_FILE))).bytes());
    if (!suite.certificatePublicKey(nodeCa).equals(nodeCaKey.publicKey())) {
      throw new IllegalArgumentException(keys.resolve(NetworkLayout.ORGANISATION_CA_KEY_FILE)
          + ": not the key of " + NetworkLayout.ORGANISATION_CA_CERTIFICATE_FILE);
    }
    X509Certificate transportCa = transport.certificateFromPem(
        pem(directory.resolve(NetworkLayout.ORGANISATION_TRANSPORT_CA_CERTIFICATE_FILE)));
    var transportCaKey = transport.privateKeyFromPem(
        pem(keys.resolve(NetworkLayout.ORGANISATION_TRANSPORT_CA_KEY_FILE)));
    return new NetworkPki.Organisation(id, organisationName(nodeCa, id),
        new NetworkPki.SuiteAuthority(nodeCaKey, nodeCa), new NetworkPki.TransportAuthority(transportCaKey, transportCa));
  }

  /** The O= of the CA's subject, so the new node's certificate names the same organisation. */
  private static String organisationName(X509Certificate ca, String id) {
    try {
      for (Rdn rdn : new LdapName(ca.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("O")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      // A subject the JDK cannot parse: fall back to the id.
    }
    return id;
  }

  private static Address nodeAddress(NetworkLayout layout, int index, CryptoSuite suite) throws IOException {
    X509Certificate certificate = suite.certificateFromPem(
        pem(layout.nodeDirectory(index).resolve(NetworkLayout.NODE_CERTIFICATE_FILE)));
    return suite.address(suite.certificatePublicKey(certificate));
  }

  private static int freePort(String section, int port, Set<Integer> taken) {
    if (port > PORT_MAX || taken.contains(port)) {
      throw new IllegalArgumentException("--dir: the new node's " + section + ".port " + port
          + (port > PORT_MAX ? " is above " + PORT_MAX : " is another node's"));
    }
    return port;
  }

  /** Adds {@code address} to a node's {@code p2p.allowedNodes}, keeping every other field as it is. */
  private static void allow(Path configFile, Address address) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(readBounded(configFile, GENESIS_BYTES_MAX));
    JsonNode p2p = root.get("p2p");
    if (!(p2p instanceof ObjectNode section) || !(section.get("allowedNodes") instanceof ArrayNode allowed)) {
      // No list: the node admits the genesis validators and scheduled ones (or, with [], everyone);
      // an operator who chose that keeps it.
      return;
    }
    for (JsonNode entry : allowed) {
      if (entry.asText().equalsIgnoreCase(address.toString())) {
        return;
      }
    }
    allowed.add(address.toString());
    Path partial = configFile.resolveSibling(configFile.getFileName() + ".partial");
    Files.writeString(partial, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    Files.move(partial, configFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String pem(Path file) throws IOException {
    return new String(readBounded(file, PEM_BYTES_MAX), StandardCharsets.US_ASCII);
  }

  private static byte[] readBounded(Path file, int bytesMax) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": not found" + (file.getFileName().toString().endsWith(".key.pem")
          ? " (bring the organisation's CA keys back from offline to issue a node)" : ""));
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(bytesMax + 1);
      if (bytes.length > bytesMax) {
        throw new IllegalArgumentException(file + ": larger than " + bytesMax + " bytes");
      }
      return bytes;
    }
  }
}
