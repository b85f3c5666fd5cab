package org.xinlian.node;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.rpc.RpcServerConfig;

/**
 * A single-node permissioned chain (docs/spec/governance.md GOV-1) for tests through JSON-RPC:
 * keys 0, 1 and 2 are governors of weight 1 (0 and 2 of {@code org1}, 1 of {@code org2}); 3 is an
 * operator and 4 a user of {@code org1}; 5 holds nothing; 9 is the validator. Zero-price fees.
 */
final class PermissionedChain implements AutoCloseable {
  static final long CHAIN_ID = 7_411;
  static final int OPERATOR = 3;
  static final int USER = 4;
  static final int OUTSIDER = 5;
  static final int VALIDATOR = 9;

  final CryptoSuite suite;
  final Node node;

  PermissionedChain(Path directory, String suiteName) throws Exception {
    this(directory, suiteName, RpcSecurityConfig.none());
  }

  /** As above, with the JSON-RPC listener's TLS and authentication. */
  PermissionedChain(Path directory, String suiteName, RpcSecurityConfig rpcSecurity) throws Exception {
    this.suite = CryptoSuites.byName(suiteName);
    Path genesis = directory.resolve("genesis.json");
    Files.writeString(genesis, genesisJson());
    node = Node.start(NodeConfig.defaults(directory.resolve("ledger"), genesis)
        .withRpc(RpcServerConfig.defaults().withPort(0))
        .withBlockProduction(new NodeConfig.BlockProduction(0, 0))
        .withRpcSecurity(rpcSecurity), Clock.system());
  }

  URI rpc() {
    return URI.create("http://127.0.0.1:" + node.rpcAddress().getPort() + "/");
  }

  KeyPair key(int i) {
    byte[] scalar = new byte[32];
    scalar[31] = (byte) (i + 1);
    scalar[0] = 0x33;
    return suite.keyPairFromPrivateKey(scalar);
  }

  Address address(int i) {
    return suite.address(key(i).publicKey());
  }

  private String genesisJson() {
    StringBuilder alloc = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      alloc.append(i == 0 ? "" : ",").append('"').append(address(i)).append("\": {\"balance\": \"1000000000000000000000\"}");
    }
    return "{\"chainId\": " + CHAIN_ID + ", \"suite\": \"" + suite.name() + "\", \"blockGasLimit\": 30000000, "
        + "\"feeMode\": \"zero-price\", \"validators\": [\"" + address(VALIDATOR) + "\"], \"alloc\": {" + alloc + "}, "
        + "\"governance\": {\"organisations\": [" + organisation("org1") + ", " + organisation("org2") + "], "
        + "\"governors\": [" + member(0, "org1", "") + ", " + member(1, "org2", "") + ", " + member(2, "org1", "") + "], "
        + "\"nodes\": [" + member(VALIDATOR, "org1", ", \"role\": \"validator\"") + "], "
        + "\"accounts\": [" + member(OPERATOR, "org1", ", \"roles\": [\"operator\"]") + ", "
        + member(USER, "org1", ", \"roles\": [\"user\"]") + "]}}";
  }

  private String organisation(String id) {
    KeyPair ca = key(20 + id.length() + id.charAt(id.length() - 1) % 5);
    String pem = suite.certificateToPem(suite.issueCertificate(new CertificateRequest("CN=" + id + " CA,O=" + id,
        ca.publicKey(), ca, null, BigInteger.ONE, Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2035-01-01T00:00:00Z"), true, List.of(), List.of())));
    return "{\"id\": \"" + id + "\", \"name\": \"Organisation " + id + "\", \"caCertificate\": \""
        + pem.replace("\n", "\\n") + "\"}";
  }

  private String member(int key, String organisation, String more) {
    return "{\"address\": \"" + address(key) + "\", \"organisation\": \"" + organisation + "\"" + more + "}";
  }

  @Override
  public void close() {
    node.close();
  }
}
