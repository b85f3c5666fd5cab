package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.node.DevChain;
import org.xinlian.node.Node;
import org.xinlian.node.NodeConfig;

/**
 * {@code xinlian validators propose|sign|submit} (docs/adr/0009) against an in-process node whose
 * genesis names four validators with keys written here: the update is proposed from the node,
 * signed by three node keys, refused by the contract while only two had signed, then recorded.
 * A single-validator node is enough: the governance contract is execution's, whatever produces
 * the blocks.
 */
class ValidatorsCommandTest {
  @TempDir Path directory;

  @Test
  void proposeSignSubmitRecordsTheNewSet() throws Exception {
    CryptoSuite suite = CryptoSuites.standard();
    SecureRandom random = new SecureRandom();
    List<KeyPair> keys = new ArrayList<>();
    StringBuilder validators = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      KeyPair key = suite.generateKeyPair(random);
      keys.add(key);
      Files.writeString(directory.resolve("node" + i + ".key.pem"), suite.privateKeyToPem(key.privateKey()));
      if (i < 4) {
        validators.append(validators.length() == 0 ? "" : ", ").append('"').append(suite.address(key.publicKey())).append('"');
      }
    }
    Files.writeString(directory.resolve("genesis.json"), DevChain.genesisJson(1_700_000_000)
        .replace("\"validators\": [\"" + Address.ZERO + "\"]", "\"validators\": [" + validators + "]"));
    Files.writeString(directory.resolve("node.json"), """
        {"dataDirectory": "data", "genesisFile": "genesis.json", "rpc": {"port": 0},
         "blockProduction": {"emptyBlockIntervalMs": 100}}
        """);
    try (Node node = Node.start(NodeConfig.load(directory.resolve("node.json")), Clock.system())) {
      String rpc = "http://127.0.0.1:" + node.rpcAddress().getPort();
      List<Address> next = new ArrayList<>();
      for (int i : new int[] {0, 1, 2, 4}) {
        next.add(suite.address(keys.get(i).publicKey()));
      }
      CliRun cli = new CliRun(directory).withSystemClock();
      CliRun.Result proposed = cli.run("validators", "propose", "--rpc", rpc, "--suite", "standard",
          "--validator", next.get(3) + "," + next.get(1), "--validator", next.get(0).toString(),
          "--validator", next.get(2).toString(), "--activation-delay", "40", "--out", "update.json");
      assertEquals(0, proposed.exitCode(), proposed.err());
      assertTrue(proposed.out().contains("epoch:             1"), proposed.out());

      for (int i : new int[] {0, 1}) {
        CliRun.Result signed = cli.run("validators", "sign", "update.json", "--key", "node" + i + ".key.pem");
        assertEquals(0, signed.exitCode(), signed.err());
      }
      CliRun.Result twice = cli.run("validators", "sign", "update.json", "--key", "node1.key.pem");
      assertEquals(1, twice.exitCode());
      assertTrue(twice.err().contains("has already signed"), twice.err());
      CliRun.Result tooFew = cli.run("validators", "submit", "update.json", "--rpc", rpc, "--dev-account", "0");
      assertEquals(1, tooFew.exitCode());
      assertTrue(tooFew.err().contains("execution reverted: signatures: 2 of the 4 validators of epoch 0 signed"),
          tooFew.err());

      assertEquals(0, cli.run("validators", "sign", "update.json", "--key", "node2.key.pem").exitCode());
      String edited = Files.readString(directory.resolve("update.json")).replace("\"epoch\" : 1", "\"epoch\" : 2");
      Files.writeString(directory.resolve("edited.json"), edited);
      CliRun.Result refused = cli.run("validators", "submit", "edited.json", "--rpc", rpc, "--dev-account", "0");
      assertEquals(1, refused.exitCode());
      assertTrue(refused.err().contains("digest: does not match"), refused.err());

      CliRun.Result submitted = cli.run("validators", "submit", "update.json", "--rpc", rpc, "--dev-account", "0");
      assertEquals(0, submitted.exitCode(), submitted.err());
      assertTrue(submitted.out().contains("epoch 1 (4 validators) governs from height"), submitted.out());
      next.sort(null);
      ValidatorEpoch recorded = node.execution().validatorHistory().latest();
      assertEquals(1, recorded.number());
      assertEquals(next, recorded.validators());
    }
  }
}
