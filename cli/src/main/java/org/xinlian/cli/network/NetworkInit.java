package org.xinlian.cli.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.keystore.KeyFileParameters;
import org.xinlian.node.DevChain;

/**
 * {@code xinlian network init}: a complete local network in one directory, as FISCO BCOS's
 * build_chain.sh makes one (the layout is {@link NetworkLayout}): validators and observers, each
 * certified by its organisation's CAs, and a genesis that may carry the consortium (GOV-1). Everything is generated in
 * memory first, then written; private keys are created owner-only (0600) from the start.
 */
public final class NetworkInit {
  /** An account funded at genesis, with the private key (0x hex) that spends it. */
  public record FundedAccount(Address address, String privateKey) {}

  /** One node of the new network, as the summary prints it. */
  public record InitializedNode(int index, Address address, boolean validator, String organisation, String rpcUrl,
      String p2pAddress) {}

  /** An organisation's governor (GOV-1), with the file holding its key. */
  public record Governor(String organisation, Address address, Path keyFile) {}

  /**
   * What was made.
   *
   * @param layout where it is
   * @param spec what was asked for
   * @param nodes every node: the validators in validator order, then the observers
   * @param funded the accounts genesis funds (empty with --no-dev-accounts)
   * @param governors each organisation's governor; empty without the governance section
   */
  public record Summary(NetworkLayout layout, NetworkSpec spec, List<InitializedNode> nodes,
      List<FundedAccount> funded, List<Governor> governors) {}

  /**
   * How {@code --encrypt-keys} protects the nodes' keys: the node key as a key file of the
   * accounts' format (Web3 Secret Storage v3 or its gm variant), the transport key as encrypted
   * PKCS#8, both under one passphrase; each node's config names the passphrase file.
   *
   * @param passphrase the passphrase (the caller wipes it)
   * @param passphraseFile the file it was read from, which the configs name
   * @param parameters the scrypt cost of the node key files
   */
  public record KeyProtection(char[] passphrase, Path passphraseFile, KeyFileParameters parameters) {}

  private NetworkInit() {}

  /** A network whose node keys are plain PEM (a development network). */
  public static Summary create(Path directory, NetworkSpec spec, boolean force, Instant now, SecureRandom random)
      throws IOException {
    return create(directory, spec, force, now, random, null);
  }

  /**
   * Writes a new network into {@code directory}, which must be absent or empty unless
   * {@code force}; with {@code force}, a directory holding a stopped network has that network's
   * files replaced (other files are kept), and any other non-empty directory is still refused.
   */
  public static Summary create(Path directory, NetworkSpec spec, boolean force, Instant now,
      SecureRandom random, KeyProtection protection) throws IOException {
    NetworkLayout layout = new NetworkLayout(directory);
    prepareDirectory(layout, force);
    CryptoSuite suite = CryptoSuites.byName(spec.suite());
    NetworkPki pki = NetworkPki.create(suite, spec.organisations(), now, random);
    List<NetworkPki.NodeCredentials> credentials = new ArrayList<>();
    for (int index = 0; index < spec.nodes(); index++) {
      credentials.add(pki.issueNode(NetworkLayout.NODE_DIRECTORY_PREFIX + index, spec.organisationOf(index)));
    }
    List<Address> addresses = credentials.stream().map(NetworkPki.NodeCredentials::address).toList();
    List<FundedAccount> funded = spec.devAccounts() ? devAccounts(suite) : List.of();
    List<KeyPair> governorKeys = new ArrayList<>();
    if (spec.governance()) {
      for (int organisation = 0; organisation < spec.organisations(); organisation++) {
        governorKeys.add(pki.newAccountKey());
      }
    }
    NetworkFiles.Consortium consortium = consortium(spec, suite, pki, credentials, governorKeys, funded);

    writePublic(layout.genesisFile(), NetworkFiles.genesis(spec, now.getEpochSecond(), consortium, funded));
    writeAuthorities(layout, pki);
    List<Governor> governors = new ArrayList<>();
    if (!governorKeys.isEmpty()) {
      Files.createDirectories(layout.governorsDirectory());
      for (int organisation = 0; organisation < governorKeys.size(); organisation++) {
        String id = NetworkSpec.organisationId(organisation);
        writePrivate(layout.governorKey(id), pki.privateKeyPem(governorKeys.get(organisation)));
        governors.add(new Governor(id, consortium.governors().get(organisation).address(), layout.governorKey(id)));
      }
    }
    List<InitializedNode> nodes = new ArrayList<>();
    for (int index = 0; index < spec.nodes(); index++) {
      NetworkPki.NodeCredentials node = credentials.get(index);
      String config = NetworkFiles.nodeConfig(spec, index, addresses);
      writeNode(layout, index, pki, node, protection == null ? config
          : NetworkFiles.withEncryptedKeys(config, protection.passphraseFile()), protection, random);
      nodes.add(new InitializedNode(index, node.address(), spec.validator(index),
          NetworkSpec.organisationId(node.organisation()), "http://" + NetworkSpec.HOST + ":" + spec.rpcPort(index),
          NetworkSpec.HOST + ":" + spec.p2pPort(index)));
    }
    return new Summary(layout, spec, nodes, funded, governors);
  }

  private static NetworkFiles.Consortium consortium(NetworkSpec spec, CryptoSuite suite, NetworkPki pki,
      List<NetworkPki.NodeCredentials> credentials, List<KeyPair> governorKeys, List<FundedAccount> funded) {
    List<NetworkFiles.OrganisationEntry> organisations = new ArrayList<>();
    for (int organisation = 0; organisation < spec.organisations(); organisation++) {
      NetworkPki.Organisation authorities = pki.organisations().get(organisation);
      organisations.add(new NetworkFiles.OrganisationEntry(authorities.id(), authorities.name(),
          pki.caCertificatePem(organisation)));
    }
    List<NetworkFiles.GovernorEntry> governors = new ArrayList<>();
    for (int organisation = 0; organisation < governorKeys.size(); organisation++) {
      governors.add(new NetworkFiles.GovernorEntry(suite.address(governorKeys.get(organisation).publicKey()),
          NetworkSpec.organisationId(organisation)));
    }
    List<NetworkFiles.NodeEntry> nodes = new ArrayList<>();
    for (int index = 0; index < credentials.size(); index++) {
      nodes.add(new NetworkFiles.NodeEntry(credentials.get(index).address(),
          NetworkSpec.organisationId(credentials.get(index).organisation()), spec.validator(index)));
    }
    return new NetworkFiles.Consortium(organisations, governors, nodes,
        funded.stream().map(FundedAccount::address).toList());
  }

  /**
   * ca/: each organisation's two CA certificates and the bundles every node trusts; ca-keys/: the
   * CAs' private keys (0600, in an owner-only directory) with a README saying to take them
   * offline (OPS-34). Nothing of a CA key goes into ca/ or a node directory.
   */
  private static void writeAuthorities(NetworkLayout layout, NetworkPki pki) throws IOException {
    Files.createDirectories(layout.caDirectory().resolve(NetworkLayout.CRL_DIRECTORY));
    createPrivateDirectory(layout.caKeysDirectory());
    writePublic(layout.consortiumCaCertificate(), pki.consortiumBundlePem());
    writePublic(layout.transportCaCertificate(), pki.transportBundlePem());
    for (int organisation = 0; organisation < pki.organisations().size(); organisation++) {
      Path directory = Files.createDirectories(
          layout.organisationCaDirectory(pki.organisations().get(organisation).id()));
      writePublic(directory.resolve(NetworkLayout.ORGANISATION_CA_CERTIFICATE_FILE), pki.caCertificatePem(organisation));
      writePublic(directory.resolve(NetworkLayout.ORGANISATION_TRANSPORT_CA_CERTIFICATE_FILE),
          pki.transportCaCertificatePem(organisation));
      Path keys = createPrivateDirectory(
          layout.organisationCaKeyDirectory(pki.organisations().get(organisation).id()));
      writePrivate(keys.resolve(NetworkLayout.ORGANISATION_CA_KEY_FILE), pki.caKeyPem(organisation));
      writePrivate(keys.resolve(NetworkLayout.ORGANISATION_TRANSPORT_CA_KEY_FILE),
          pki.transportCaKeyPem(organisation));
    }
    writePublic(layout.caReadme(), CA_README);
    writePublic(layout.caKeysDirectory().resolve(NetworkLayout.CA_README_FILE), CA_KEYS_README);
  }

  /** A directory only its owner can list and enter, where the file system has permissions. */
  private static Path createPrivateDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
    return directory;
  }

  static final String CA_README = """
      Certificate authorities of this network: one directory per organisation (org1/, org2/, ...).
        <org>/ca.pem               the organisation's CA on the chain's suite; genesis names it (GOV-1)
        <org>/transport-ca.pem     the organisation's CA for its nodes' TLS certificates (P-256; SM2 on gm chains)
        consortium-ca.pem          every organisation's ca.pem: what each node trusts for node certificates
        transport-ca.pem           every organisation's transport-ca.pem: what each node trusts for TLS
      Only certificates are here; the CAs' private keys are in ../ca-keys/ (see its README.txt).
      Revocation lists (xinlian ca revoke) go here too, one per organisation and CA: docs/ops/keys.md.
      """;

  static final String CA_KEYS_README = """
      PRIVATE KEYS OF THE CERTIFICATE AUTHORITIES. TAKE THIS DIRECTORY OFFLINE.
        <org>/ca.key.pem             the organisation's CA key on the chain's suite
        <org>/transport-ca.key.pem   the organisation's transport (TLS) CA key
      No node ever needs these files: nodes trust the certificates in ../ca/. Whoever holds an
      organisation's keys can certify nodes in its name, so each organisation moves its own
      directory to offline storage (an encrypted USB key, a safe, an HSM) and deletes it here.
      Bring an organisation's keys back only to issue a node (xinlian network add-node) or to
      revoke a certificate (xinlian ca revoke), then take them offline again.
      """;

  /**
   * A node directory: its keys (0600; encrypted under {@code protection} unless it is null),
   * certificates and config.
   */
  static void writeNode(NetworkLayout layout, int index, NetworkPki pki, NetworkPki.NodeCredentials node,
      String config, KeyProtection protection, SecureRandom random) throws IOException {
    Path nodeDirectory = Files.createDirectories(layout.nodeDirectory(index));
    if (protection == null) {
      writePrivate(nodeDirectory.resolve(NetworkLayout.NODE_KEY_FILE), pki.nodeKeyPem(node));
      writePrivate(nodeDirectory.resolve(NetworkLayout.TRANSPORT_KEY_FILE), pki.transportKeyPem(node));
    } else {
      writePrivate(nodeDirectory.resolve(NetworkLayout.ENCRYPTED_NODE_KEY_FILE), pki.nodeKeyFile(node,
          protection.passphrase(), protection.parameters(), random) + "\n");
      writePrivate(nodeDirectory.resolve(NetworkLayout.TRANSPORT_KEY_FILE),
          pki.transportKeyEncryptedPem(node, protection.passphrase(), random));
    }
    writePublic(nodeDirectory.resolve(NetworkLayout.NODE_CERTIFICATE_FILE), pki.nodeCertificatePem(node));
    writePublic(nodeDirectory.resolve(NetworkLayout.TRANSPORT_CERTIFICATE_FILE), pki.transportCertificatePem(node));
    writePublic(layout.configFile(index), config);
  }

  /**
   * The ten development accounts of {@code xinlian dev} (NODE-5), by their private keys: on the
   * standard suite the well-known addresses; on gm the SM2 addresses of the same keys, so the
   * printed keys spend them on either chain.
   */
  static List<FundedAccount> devAccounts(CryptoSuite suite) {
    List<FundedAccount> accounts = new ArrayList<>();
    for (int index = 0; index < DevChain.ACCOUNTS.size(); index++) {
      Address address = suite.address(suite.keyPairFromPrivateKey(DevChain.privateKey(index)).publicKey());
      accounts.add(new FundedAccount(address, DevChain.ACCOUNTS.get(index).privateKey()));
    }
    return accounts;
  }

  private static void prepareDirectory(NetworkLayout layout, boolean force) throws IOException {
    Path directory = layout.directory();
    if (!Files.exists(directory)) {
      Files.createDirectories(directory);
      return;
    }
    if (!Files.isDirectory(directory)) {
      throw new NotDirectoryException(directory.toString());
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(directory)) {
      entries = list.toList();
    }
    if (entries.isEmpty()) {
      return;
    }
    if (!force) {
      throw new IllegalArgumentException("--dir: " + directory + " is not empty (--force replaces the network in it)");
    }
    if (!Files.exists(layout.genesisFile()) && !Files.exists(layout.configFile(0))) {
      throw new IllegalArgumentException("--dir: " + directory + " is not empty and holds no network, so --force "
          + "does not touch it; choose an empty or new directory");
    }
    for (int index : existingNodes(entries)) {
      NodeProcess process = NodeProcess.inspect(layout, index);
      if (process.running()) {
        throw new IllegalArgumentException("--force: " + NetworkLayout.NODE_DIRECTORY_PREFIX + index + " of the network in "
            + directory + " is running (pid " + process.process().orElseThrow().pid()
            + "); stop the network first (xinlian network down --dir " + directory + ")");
      }
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.equals(NetworkLayout.GENESIS_FILE) || name.equals(NetworkLayout.CA_DIRECTORY)
          || name.equals(NetworkLayout.CA_KEYS_DIRECTORY)
          || name.equals(NetworkLayout.GOVERNORS_DIRECTORY) || NetworkLayout.isNodeDirectoryName(name)) {
        deleteRecursively(entry);
      }
    }
  }

  private static List<Integer> existingNodes(List<Path> entries) {
    return entries.stream().map(entry -> entry.getFileName().toString())
        .filter(NetworkLayout::isNodeDirectoryName)
        .map(name -> Integer.parseInt(name.substring(NetworkLayout.NODE_DIRECTORY_PREFIX.length())))
        .sorted().toList();
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(path)) {
        paths = walk.sorted(Comparator.reverseOrder()).toList();
      }
      for (Path each : paths) {
        Files.delete(each);
      }
    } else {
      Files.delete(path);
    }
  }

  static void writePublic(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Created owner-only from the start, so there is no moment in which others could read the key. */
  static void writePrivate(Path file, String text) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
