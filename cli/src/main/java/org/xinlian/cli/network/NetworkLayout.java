package org.xinlian.cli.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the files of a local network live (the shared design of issue 6): one directory holding
 * the genesis file, the certificate authorities of every organisation under ca/ (issue 12) with
 * their private keys apart under ca-keys/ (to be taken offline), the
 * organisations' governor keys under governors/, and one directory per node. {@code network
 * init} writes this layout, {@code xinlian node --config} reads one node's part of it, and
 * {@code network up|down|status} find the nodes by it.
 */
public final class NetworkLayout {
  public static final String GENESIS_FILE = "genesis.json";
  public static final String CA_DIRECTORY = "ca";
  /** Every organisation's CA certificate on the suite, one after the other: what every node trusts. */
  public static final String CONSORTIUM_CA_CERTIFICATE_FILE = "consortium-ca.pem";
  /** Every organisation's transport CA certificate, one after the other. */
  public static final String TRANSPORT_CA_CERTIFICATE_FILE = "transport-ca.pem";
  /** What the CA files are, and (in ca-keys/) that the keys belong offline. */
  public static final String CA_README_FILE = "README.txt";
  /**
   * The organisations' CA private keys, one directory per organisation beside ca/: never needed
   * by a node, taken offline after init (OPS-34).
   */
  public static final String CA_KEYS_DIRECTORY = "ca-keys";
  /** Under ca/: the organisations' revocation lists, which every node re-reads when they change. */
  public static final String CRL_DIRECTORY = "crl";
  /** Under ca/&lt;organisation id&gt;/: the organisation's CA on the suite (its PEM is in genesis). */
  public static final String ORGANISATION_CA_CERTIFICATE_FILE = "ca.pem";
  public static final String ORGANISATION_CA_KEY_FILE = "ca.key.pem";
  public static final String ORGANISATION_TRANSPORT_CA_CERTIFICATE_FILE = "transport-ca.pem";
  public static final String ORGANISATION_TRANSPORT_CA_KEY_FILE = "transport-ca.key.pem";
  /** Each organisation's governor key, &lt;organisation id&gt;.key.pem (GOV-1). */
  public static final String GOVERNORS_DIRECTORY = "governors";
  public static final String NODE_DIRECTORY_PREFIX = "node";
  public static final String CONFIG_FILE = "config.json";
  public static final String NODE_KEY_FILE = "node.key.pem";
  /** The node key encrypted in the accounts' key-file format ({@code network init --encrypt-keys}). */
  public static final String ENCRYPTED_NODE_KEY_FILE = "node.key.json";
  public static final String NODE_CERTIFICATE_FILE = "node.pem";
  public static final String TRANSPORT_KEY_FILE = "transport.key.pem";
  public static final String TRANSPORT_CERTIFICATE_FILE = "transport.pem";
  public static final String DATA_DIRECTORY = "data";
  public static final String LOG_FILE = "node.log";
  /** The node's rotating log, relative to its directory (docs/spec/node.md NODE-20). */
  public static final String ROTATING_LOG_FILE = "logs/node.log";
  public static final String PID_FILE = "node.pid";

  /** The node directories {@code network init} makes (and {@code --force} replaces): node0, node1... */
  private static final Pattern NODE_DIRECTORY = Pattern.compile(NODE_DIRECTORY_PREFIX + "(0|[1-9][0-9]{0,8})");

  private final Path directory;

  public NetworkLayout(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  public Path directory() {
    return directory;
  }

  public Path genesisFile() {
    return directory.resolve(GENESIS_FILE);
  }

  public Path caDirectory() {
    return directory.resolve(CA_DIRECTORY);
  }

  public Path consortiumCaCertificate() {
    return caDirectory().resolve(CONSORTIUM_CA_CERTIFICATE_FILE);
  }

  public Path transportCaCertificate() {
    return caDirectory().resolve(TRANSPORT_CA_CERTIFICATE_FILE);
  }

  public Path caReadme() {
    return caDirectory().resolve(CA_README_FILE);
  }

  public Path caKeysDirectory() {
    return directory.resolve(CA_KEYS_DIRECTORY);
  }

  /** Organisation {@code id}'s CA private keys: ca-keys/&lt;id&gt;/. */
  public Path organisationCaKeyDirectory(String id) {
    return caKeysDirectory().resolve(id);
  }

  /** Organisation {@code id}'s CA files: ca/&lt;id&gt;/. */
  public Path organisationCaDirectory(String id) {
    return caDirectory().resolve(id);
  }

  public Path governorsDirectory() {
    return directory.resolve(GOVERNORS_DIRECTORY);
  }

  /** Organisation {@code id}'s governor key. */
  public Path governorKey(String id) {
    return governorsDirectory().resolve(id + ".key.pem");
  }

  public Path nodeDirectory(int index) {
    return directory.resolve(NODE_DIRECTORY_PREFIX + index);
  }

  public Path configFile(int index) {
    return nodeDirectory(index).resolve(CONFIG_FILE);
  }

  public Path logFile(int index) {
    return nodeDirectory(index).resolve(LOG_FILE);
  }

  public Path pidFile(int index) {
    return nodeDirectory(index).resolve(PID_FILE);
  }

  /** True for a name {@code network init} gives a node directory. */
  static boolean isNodeDirectoryName(String name) {
    return NODE_DIRECTORY.matcher(name).matches();
  }

  /**
   * The node indexes of this network: node0, node1, ... as long as each has a config.json. A
   * directory without node0/config.json is not a network, which is reported rather than treated
   * as a network of no nodes, so a mistyped --dir never looks like "nothing to do".
   */
  public List<Integer> nodeIndexes() throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new NoSuchFileException(directory.toString());
    }
    List<Integer> indexes = new ArrayList<>();
    for (int index = 0; index < NetworkSpec.NODES_MAX && Files.isRegularFile(configFile(index)); index++) {
      indexes.add(index);
    }
    if (indexes.isEmpty()) {
      throw new IllegalArgumentException(directory + " holds no network (no " + NODE_DIRECTORY_PREFIX
          + "0/" + CONFIG_FILE + "; create one with 'xinlian network init')");
    }
    return indexes;
  }
}
