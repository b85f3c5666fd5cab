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
import org.xinlian.node.DevChain;

/**
 * {@code xinlian network init}: a complete local network in one directory, as FISCO BCOS's
 * build_chain.sh makes one (the layout is {@link NetworkLayout}). Everything is generated in
 * memory first, then written; private keys are created owner-only (0600) from the start.
 */
public final class NetworkInit {
  /** An account funded at genesis, with the private key (0x hex) that spends it. */
  public record FundedAccount(Address address, String privateKey) {}

  /** One node of the new network, as the summary prints it. */
  public record InitializedNode(int index, Address address, String rpcUrl, String p2pAddress) {}

  /**
   * What was made.
   *
   * @param layout where it is
   * @param spec what was asked for
   * @param nodes every node, in validator order
   * @param funded the accounts genesis funds (empty with --no-dev-accounts)
   */
  public record Summary(NetworkLayout layout, NetworkSpec spec, List<InitializedNode> nodes,
      List<FundedAccount> funded) {}

  private NetworkInit() {}

  /**
   * Writes a new network into {@code directory}, which must be absent or empty unless
   * {@code force}; with {@code force}, a directory holding a stopped network has that network's
   * files replaced (other files are kept), and any other non-empty directory is still refused.
   */
  public static Summary create(Path directory, NetworkSpec spec, boolean force, Instant now, SecureRandom random)
      throws IOException {
    NetworkLayout layout = new NetworkLayout(directory);
    prepareDirectory(layout, force);
    CryptoSuite suite = CryptoSuites.byName(spec.suite());
    NetworkPki pki = new NetworkPki(suite, now, random);
    List<NetworkPki.NodeCredentials> credentials = new ArrayList<>();
    for (int index = 0; index < spec.nodes(); index++) {
      credentials.add(pki.issueNode(NetworkLayout.NODE_DIRECTORY_PREFIX + index));
    }
    List<Address> addresses = credentials.stream().map(NetworkPki.NodeCredentials::address).toList();
    List<FundedAccount> funded = spec.devAccounts() ? devAccounts(suite) : List.of();

    Files.createDirectories(layout.caDirectory());
    writePublic(layout.genesisFile(), NetworkFiles.genesis(spec, now.getEpochSecond(), addresses, funded));
    writePublic(layout.consortiumCaCertificate(), pki.consortiumCertificatePem());
    writePrivate(layout.consortiumCaKey(), pki.consortiumKeyPem());
    writePublic(layout.transportCaCertificate(), pki.transportCertificatePem());
    writePrivate(layout.transportCaKey(), pki.transportKeyPem());
    List<InitializedNode> nodes = new ArrayList<>();
    for (int index = 0; index < spec.nodes(); index++) {
      NetworkPki.NodeCredentials node = credentials.get(index);
      Path nodeDirectory = Files.createDirectories(layout.nodeDirectory(index));
      writePrivate(nodeDirectory.resolve(NetworkLayout.NODE_KEY_FILE), pki.nodeKeyPem(node));
      writePublic(nodeDirectory.resolve(NetworkLayout.NODE_CERTIFICATE_FILE), pki.nodeCertificatePem(node));
      writePrivate(nodeDirectory.resolve(NetworkLayout.TRANSPORT_KEY_FILE), pki.transportKeyPem(node));
      writePublic(nodeDirectory.resolve(NetworkLayout.TRANSPORT_CERTIFICATE_FILE), pki.transportCertificatePem(node));
      writePublic(layout.configFile(index), NetworkFiles.nodeConfig(spec, index, addresses));
      nodes.add(new InitializedNode(index, node.address(),
          "http://" + NetworkSpec.HOST + ":" + spec.rpcPort(index),
          NetworkSpec.HOST + ":" + spec.p2pPort(index)));
    }
    return new Summary(layout, spec, nodes, funded);
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
          || NetworkLayout.isNodeDirectoryName(name)) {
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

  private static void writePublic(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Created owner-only from the start, so there is no moment in which others could read the key. */
  private static void writePrivate(Path file, String text) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
