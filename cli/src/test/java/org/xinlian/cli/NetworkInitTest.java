package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.node.DevChain;
import org.xinlian.network.PeerAddress;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.consensus.P2pConfig;

/**
 * {@code xinlian network init} (issue 6, item 6): the files of the shared design, keys private,
 * certificates that chain to the CAs under an X.509 implementation other than ours (BouncyCastle's
 * JCA provider for the suite certificates, the JDK for the P-256 transport ones), a genesis whose
 * validators are the certified node keys, and configurations that connect every node to the others
 * (docs/spec/local-network.md LOCALNET-1, LOCALNET-2).
 */
class NetworkInitTest {
  /**
   * Object identifiers from the standards, not from the code under test: SM2-with-SM3 signatures
   * (GM/T 0006-2012, 1.2.156.10197.1.501), the SM2 curve (GM/T 0006, 1.2.156.10197.1.301),
   * secp256k1 (SEC 2, 1.3.132.0.10), ECDSA with SHA-256 (RFC 5758, 1.2.840.10045.4.3.2) and
   * P-256 (RFC 5480, 1.2.840.10045.3.1.7).
   */
  private static final String SM2_WITH_SM3 = "1.2.156.10197.1.501";
  private static final String SM2_CURVE = "1.2.156.10197.1.301";
  private static final String SECP256K1 = "1.3.132.0.10";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String P256 = "1.2.840.10045.3.1.7";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private static Instant fixedNow() {
    return Instant.ofEpochMilli(CliRun.FIXED_TIME_MILLIS);
  }

  @Test
  void standardNetworkHasTheDesignedFilesKeysAndCertificates() throws Exception {
    CliRun.Result result = run("network", "init", "--nodes", "4", "--suite", "standard", "--dir", "net");
    assertEquals(0, result.exitCode(), result.err());
    Path net = directory.resolve("net");

    Set<String> expected = new TreeSet<>(List.of("genesis.json", "ca/README.txt", "ca/consortium-ca.pem",
        "ca/transport-ca.pem", "ca-keys/README.txt"));
    for (int i = 0; i < 4; i++) {
      // OPS-34: certificates in ca/, the CAs' private keys apart in ca-keys/, none in a node's directory.
      for (String file : List.of("ca.pem", "transport-ca.pem")) {
        expected.add("ca/org" + (i + 1) + "/" + file);
      }
      for (String file : List.of("ca.key.pem", "transport-ca.key.pem")) {
        expected.add("ca-keys/org" + (i + 1) + "/" + file);
      }
      expected.add("governors/org" + (i + 1) + ".key.pem");
      for (String file : List.of("config.json", "node.key.pem", "node.pem", "transport.key.pem", "transport.pem")) {
        expected.add("node" + i + "/" + file);
      }
    }
    assertEquals(expected, files(net));
    for (String file : expected) {
      if (file.endsWith(".key.pem")) {
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(net.resolve(file))), file);
      }
    }
    assertEquals("rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(net.resolve("ca-keys"))));
    assertTrue(Files.readString(net.resolve("ca-keys/README.txt")).contains("TAKE THIS DIRECTORY OFFLINE"));
    assertTrue(Files.readString(net.resolve("ca-keys/README.txt")).contains("No node ever needs these files"));

    CryptoSuite suite = CryptoSuites.standard();
    GenesisConfig genesis = GenesisConfig.load(net.resolve("genesis.json"));
    assertEquals(31_337, genesis.chainId());
    assertEquals("standard", genesis.suite());
    assertEquals(30_000_000, genesis.blockGasLimit());
    assertEquals(BigInteger.ZERO, genesis.baseFeePerGas().toBigInteger());
    List<Address> certified = certifiedAddresses(net, suite, 4);
    assertEquals(certified, genesis.validators(), "validators are the certified node keys, in node order");
    assertEquals(4, Set.copyOf(certified).size());
    // The dev accounts of anvil's default mnemonic (their addresses are anvil's, in DevChain).
    assertEquals(DevChain.ACCOUNTS.stream().map(DevChain.DevAccount::address).collect(Collectors.toSet()),
        genesis.alloc().keySet());
    for (GenesisConfig.GenesisAccount account : genesis.alloc().values()) {
      assertEquals(new BigInteger("10000000000000000000000"), account.balance().toBigInteger(), "10,000 ether");
    }

    // One organisation per node, each with its own two CAs (GOV-1); the bundles every node trusts
    // hold them all, in organisation order.
    List<String> bundle = pemBlocks(Files.readString(net.resolve("ca/consortium-ca.pem")));
    List<String> transportBundle = pemBlocks(Files.readString(net.resolve("ca/transport-ca.pem")));
    assertEquals(4, bundle.size());
    assertEquals(4, transportBundle.size());
    for (int i = 0; i < 4; i++) {
      Path node = net.resolve("node" + i);
      Path organisation = net.resolve("ca/org" + (i + 1));
      assertEquals(Files.readString(organisation.resolve("ca.pem")), bundle.get(i));
      assertEquals(Files.readString(organisation.resolve("transport-ca.pem")), transportBundle.get(i));
      X509CertificateHolder consortiumCa = certificate(organisation.resolve("ca.pem"));
      X509Certificate transportCa = jdkCertificate(organisation.resolve("transport-ca.pem"));
      assertTrue(consortiumCa.isSignatureValid(verifier(consortiumCa)), "the organisation's CA is self-signed");
      assertEquals(consortiumCa.getSubject(), consortiumCa.getIssuer());
      assertEquals(SECP256K1, curve(consortiumCa));
      transportCa.verify(transportCa.getPublicKey());
      assertTrue(transportCa.getBasicConstraints() >= 0, "the transport CA is a CA");
      X509CertificateHolder certificate = certificate(node.resolve("node.pem"));
      assertEquals(ECDSA_WITH_SHA256, certificate.getSignatureAlgorithm().getAlgorithm().getId());
      assertEquals(SECP256K1, curve(certificate));
      assertEquals(consortiumCa.getSubject(), certificate.getIssuer());
      assertTrue(certificate.isSignatureValid(verifier(consortiumCa)), "node" + i + " certificate chains to the CA");
      checkValidity(certificate, consortiumCa);
      X509Certificate transport = jdkCertificate(node.resolve("transport.pem"));
      transport.verify(transportCa.getPublicKey());
      transport.checkValidity(java.util.Date.from(fixedNow()));
      assertEquals(-1, transport.getBasicConstraints(), "a node's transport certificate is no CA");
      assertEquals(P256, ASN1ObjectIdentifier.getInstance(SubjectPublicKeyInfo.getInstance(
          transport.getPublicKey().getEncoded()).getAlgorithm().getParameters()).getId());
      assertEquals(P256, privateKeyCurve(node.resolve("transport.key.pem")));
      assertEquals(SECP256K1, privateKeyCurve(node.resolve("node.key.pem")));
    }
    for (int i = 0; i < 4; i++) {
      assertTrue(result.out().contains("node" + i), result.out());
      assertTrue(result.out().contains(ChecksumAddress.format(certified.get(i))), result.out());
      assertTrue(result.out().contains("http://127.0.0.1:" + (8545 + i)), result.out());
    }
  }

  @Test
  void configsConnectEveryNodeToTheOthers() throws Exception {
    assertEquals(0, run("network", "init", "--nodes", "4", "--dir", "net").exitCode());
    Path net = directory.resolve("net");
    List<String> validators = new ArrayList<>();
    GenesisConfig.load(net.resolve("genesis.json")).validators().forEach(address -> validators.add(address.toString()));
    for (int i = 0; i < 4; i++) {
      Path configFile = net.resolve("node" + i + "/config.json");
      JsonNode config = JSON.readTree(configFile.toFile());
      assertEquals("127.0.0.1", config.at("/rpc/host").asText());
      assertEquals(8545 + i, config.at("/rpc/port").asInt());
      assertEquals("127.0.0.1", config.at("/p2p/host").asText());
      assertEquals(30_300 + i, config.at("/p2p/port").asInt());
      assertEquals(1000, config.at("/blockProduction/emptyBlockIntervalMs").asLong());
      List<String> peers = new ArrayList<>();
      config.at("/p2p/peers").forEach(peer -> peers.add(peer.asText()));
      List<String> others = new ArrayList<>();
      for (int other = 0; other < 4; other++) {
        if (other != i) {
          others.add("127.0.0.1:" + (30_300 + other));
        }
      }
      assertEquals(others, peers);
      List<String> allowed = new ArrayList<>();
      config.at("/p2p/allowedNodes").forEach(node -> allowed.add(node.asText()));
      assertEquals(validators, allowed);
      // Every file the config names exists, relative to the config's directory.
      for (String pointer : List.of("/genesisFile", "/nodeKeyFile", "/p2p/nodeCertificateFile",
          "/p2p/consortiumCaFile", "/p2p/transportKeyFile", "/p2p/transportCertificateFile", "/p2p/transportCaFile")) {
        assertTrue(Files.isRegularFile(configFile.getParent().resolve(config.at(pointer).asText())), pointer);
      }
      assertTrue(config.at("/consensus/roundTimeoutMs").asLong() > 0);
      // The node reads it as a BFT validator's configuration (NODE-1 with p2p and consensus).
      NodeConfig node = NodeConfig.load(configFile);
      assertEquals(net.resolve("genesis.json"), node.genesisFile());
      assertEquals(net.resolve("node" + i + "/data"), node.dataDirectory());
      assertEquals(8545 + i, node.rpc().port());
      assertEquals(Optional.of(net.resolve("node" + i + "/node.key.pem")), node.nodeKeyFile());
      P2pConfig p2p = node.p2p().orElseThrow();
      assertEquals(30_300 + i, p2p.port());
      assertEquals(others, p2p.peers().stream().map(PeerAddress::toString).toList());
      assertEquals(net.resolve("ca/consortium-ca.pem"), p2p.consortiumCaFile());
      assertEquals(net.resolve("ca/transport-ca.pem"), p2p.transportCaFile());
      assertEquals(validators, p2p.allowedNodes().orElseThrow().stream().map(Address::toString).toList());
      assertEquals(1000, node.blockProduction().emptyBlockIntervalMs());
    }
  }

  @Test
  void gmNetworkCertifiesSm2KeysAndFundsTheDevKeysSm2Addresses() throws Exception {
    CliRun.Result result = run("network", "init", "--nodes", "2", "--suite", "gm", "--dir", "gm");
    assertEquals(0, result.exitCode(), result.err());
    Path net = directory.resolve("gm");
    CryptoSuite gm = CryptoSuites.gm();
    GenesisConfig genesis = GenesisConfig.load(net.resolve("genesis.json"));
    assertEquals("gm", genesis.suite());
    assertEquals(certifiedAddresses(net, gm, 2), genesis.validators());

    for (int i = 0; i < 2; i++) {
      Path node = net.resolve("node" + i);
      Path organisation = net.resolve("ca/org" + (i + 1));
      X509CertificateHolder consortiumCa = certificate(organisation.resolve("ca.pem"));
      assertEquals(SM2_WITH_SM3, consortiumCa.getSignatureAlgorithm().getAlgorithm().getId());
      assertEquals(SM2_CURVE, curve(consortiumCa));
      assertTrue(consortiumCa.isSignatureValid(verifier(consortiumCa)));
      X509CertificateHolder certificate = certificate(node.resolve("node.pem"));
      assertEquals(SM2_WITH_SM3, certificate.getSignatureAlgorithm().getAlgorithm().getId());
      assertEquals(SM2_CURVE, curve(certificate));
      assertTrue(certificate.isSignatureValid(verifier(consortiumCa)), "SM2 certificate chains to the SM2 CA");
      assertEquals(SM2_CURVE, privateKeyCurve(node.resolve("node.key.pem")));
      String pem = Files.readString(node.resolve("node.key.pem"));
      assertThrows(RuntimeException.class, () -> CryptoSuites.standard().privateKeyFromPem(pem));
      // TLS on gm chains is RFC 8998: SM2 transport keys, SM3withSM2 certificates from the
      // organisation's SM2 transport CA (OPS-21, docs/adr/0015).
      X509CertificateHolder transportCa = certificate(organisation.resolve("transport-ca.pem"));
      X509CertificateHolder transport = certificate(node.resolve("transport.pem"));
      assertEquals(SM2_WITH_SM3, transport.getSignatureAlgorithm().getAlgorithm().getId());
      assertEquals(SM2_CURVE, curve(transport));
      assertEquals(SM2_CURVE, curve(transportCa));
      assertTrue(transport.isSignatureValid(verifier(transportCa)), "chains to the SM2 transport CA");
      assertEquals(SM2_CURVE, privateKeyCurve(node.resolve("transport.key.pem")));
    }
    // The same ten private keys, on SM2 and SM3: other addresses than on the standard suite.
    Set<Address> expected = new java.util.HashSet<>();
    for (int i = 0; i < DevChain.ACCOUNTS.size(); i++) {
      expected.add(gm.address(gm.keyPairFromPrivateKey(DevChain.privateKey(i)).publicKey()));
      assertFalse(genesis.alloc().containsKey(DevChain.ACCOUNTS.get(i).address()));
    }
    assertEquals(expected, genesis.alloc().keySet());
  }

  @Test
  void optionsSetChainIdPortsAndLeaveTheDevAccountsOut() throws Exception {
    CliRun.Result result = run("network", "init", "--nodes", "1", "--dir", "solo", "--chain-id", "20260",
        "--rpc-base-port", "9000", "--p2p-base-port", "9100", "--no-dev-accounts");
    assertEquals(0, result.exitCode(), result.err());
    Path net = directory.resolve("solo");
    GenesisConfig genesis = GenesisConfig.load(net.resolve("genesis.json"));
    assertEquals(20_260, genesis.chainId());
    assertTrue(genesis.alloc().isEmpty());
    assertEquals(1, genesis.validators().size());
    JsonNode config = JSON.readTree(net.resolve("node0/config.json").toFile());
    assertEquals(9000, config.at("/rpc/port").asInt());
    assertEquals(9100, config.at("/p2p/port").asInt());
    assertEquals(0, config.at("/p2p/peers").size());
    assertEquals(genesis.validators().get(0).toString(), config.at("/p2p/allowedNodes/0").asText());
    assertTrue(result.out().contains("No account is funded"), result.out());
  }

  @Test
  void twoNetworksNeverShareAKey() throws Exception {
    assertEquals(0, run("network", "init", "--nodes", "1", "--dir", "a").exitCode());
    assertEquals(0, run("network", "init", "--nodes", "1", "--dir", "b").exitCode());
    for (String file : List.of("ca-keys/org1/ca.key.pem", "ca-keys/org1/transport-ca.key.pem", "node0/node.key.pem",
        "node0/transport.key.pem")) {
      assertNotEquals(Files.readString(directory.resolve("a").resolve(file)),
          Files.readString(directory.resolve("b").resolve(file)), file);
    }
  }

  @Test
  void badNodeCountsAndPortsAreRefusedWithOneLine() {
    assertRefused(run("network", "init", "--nodes", "0", "--dir", "x"), 1, "--validators: must be 1 to 32, got 0");
    assertRefused(run("network", "init", "--validators", "33", "--dir", "x"), 1,
        "--validators: must be 1 to 32, got 33");
    assertRefused(run("network", "init", "--nodes", "4", "--dir", "x", "--rpc-base-port", "65533"), 1,
        "--rpc-base-port: the ports 65533..65536 of 4 nodes must lie in 1...65535");
    assertRefused(run("network", "init", "--nodes", "4", "--dir", "x", "--rpc-base-port", "9000",
        "--p2p-base-port", "9002"), 1, "the ports 9000..9003 and 9002..9005 overlap");
    assertRefused(run("network", "init", "--nodes", "4", "--dir", "x", "--chain-id", "0"), 1,
        "--chain-id: must be at least 1, got 0");
    assertRefused(run("network", "init", "--nodes", "4", "--dir", "x", "--suite", "rsa"), 2, "unknown crypto suite 'rsa'");
    assertRefused(run("network", "init", "--nodes", "4"), 2, "Missing required option: '--dir=DIR'");
    assertFalse(Files.exists(directory.resolve("x")), "nothing is created by a refused command");
  }

  @Test
  void nonEmptyDirectoryIsRefusedUnlessForceReplacesAStoppedNetwork() throws Exception {
    Path other = Files.createDirectories(directory.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertRefused(run("network", "init", "--dir", "other"), 1, "is not empty");
    assertRefused(run("network", "init", "--dir", "other", "--force"), 1, "holds no network, so --force does not touch it");
    assertEquals(Set.of("notes.txt"), files(other));

    assertEquals(0, run("network", "init", "--nodes", "3", "--dir", "net").exitCode());
    Path net = directory.resolve("net");
    byte[] genesis = Files.readAllBytes(net.resolve("genesis.json"));
    assertRefused(run("network", "init", "--nodes", "2", "--dir", "net"), 1, "is not empty (--force replaces");
    assertArrayEquals(genesis, Files.readAllBytes(net.resolve("genesis.json")), "a refused init changes nothing");

    Files.writeString(net.resolve("README.txt"), "operator notes");
    Files.createDirectories(net.resolve("node2/data"));
    CliRun.Result forced = run("network", "init", "--nodes", "2", "--dir", "net", "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertFalse(java.util.Arrays.equals(genesis, Files.readAllBytes(net.resolve("genesis.json"))));
    assertFalse(Files.exists(net.resolve("node2")), "the old network's third node is gone");
    assertEquals("operator notes", Files.readString(net.resolve("README.txt")), "other files are kept");
    assertEquals(2, GenesisConfig.load(net.resolve("genesis.json")).validators().size());
  }

  @Test
  void helpWorksOnEveryNetworkCommand() {
    for (String command : List.of("init", "up", "down", "status", "start", "add-node")) {
      CliRun.Result result = run("network", command, "--help");
      assertEquals(0, result.exitCode(), command + ": " + result.err());
      assertTrue(result.out().startsWith("Usage: xinlian network " + command), result.out());
    }
    CliRun.Result bare = run("network");
    assertEquals(0, bare.exitCode());
    assertTrue(bare.out().contains("init") && bare.out().contains("status"), bare.out());
  }

  private static void assertRefused(CliRun.Result result, int exitCode, String messagePart) {
    assertEquals(exitCode, result.exitCode(), result.out() + result.err());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.errLines().get(0).startsWith("error: "), result.err());
    assertTrue(result.err().contains(messagePart), result.err());
    assertEquals("", result.out());
  }

  /** The PEM blocks of a bundle, each with its line end, in order. */
  static List<String> pemBlocks(String bundle) {
    List<String> blocks = new ArrayList<>();
    String end = "-----END CERTIFICATE-----\n";
    for (int start = 0; start < bundle.length(); ) {
      int stop = bundle.indexOf(end, start) + end.length();
      blocks.add(bundle.substring(start, stop));
      start = stop;
    }
    return blocks;
  }

  private static Set<String> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /**
   * Each node's address three ways that must agree: from its certificate's key, from its private
   * key file, and (by the caller) in genesis.
   */
  private static List<Address> certifiedAddresses(Path net, CryptoSuite suite, int nodes) throws Exception {
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      Path node = net.resolve("node" + i);
      Address certified = suite.address(suite.certificatePublicKey(
          suite.certificateFromPem(Files.readString(node.resolve("node.pem")))));
      Address fromKey = suite.address(suite.keyPairFromPrivateKey(
          suite.privateKeyFromPem(Files.readString(node.resolve("node.key.pem"))).bytes()).publicKey());
      assertEquals(certified, fromKey, "node" + i + ": the certificate certifies the node's key");
      addresses.add(certified);
    }
    return addresses;
  }

  private static void checkValidity(X509CertificateHolder certificate, X509CertificateHolder issuer) {
    Instant now = fixedNow();
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    assertTrue(!notBefore.isAfter(now) && notAfter.isAfter(now), "valid at the time of init");
    assertTrue(!notAfter.isAfter(issuer.getNotAfter().toInstant()), "the CA outlives what it issues");
    assertTrue(notAfter.isAfter(now.plus(java.time.Duration.ofDays(365))), "explicit, long validity");
  }

  private static X509CertificateHolder certificate(Path file) throws Exception {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
      return (X509CertificateHolder) parser.readObject();
    }
  }

  private static X509Certificate jdkCertificate(Path file) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static String curve(X509CertificateHolder certificate) {
    return ASN1ObjectIdentifier.getInstance(
        certificate.getSubjectPublicKeyInfo().getAlgorithm().getParameters()).getId();
  }

  private static String privateKeyCurve(Path file) throws Exception {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      PrivateKeyInfo info = (PrivateKeyInfo) parser.readObject();
      return ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters()).getId();
    }
  }

  private static org.bouncycastle.operator.ContentVerifierProvider verifier(X509CertificateHolder issuer)
      throws Exception {
    return new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider()).build(issuer);
  }
}
