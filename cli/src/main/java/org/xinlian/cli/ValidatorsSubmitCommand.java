package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.node.DevChain;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian validators submit}: sends a signed update to the governance contract. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Send a signed update file to the validator governance contract (0x...f100) and wait for its "
          + "receipt. Any funded account may send it; the validators' signatures authorise it.",
      "",
      "The node first simulates the call: an update the contract would refuse (too few signatures, "
          + "a stale epoch, an activation height too close) is reported with the contract's reason "
          + "and not sent."
    })
final class ValidatorsSubmitCommand implements Callable<Integer> {
  /** Between receipt polls: a block or less on a consortium network. */
  static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "FILE", description = "The signed update file.")
  Path file;

  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "A node of the network (default: ${DEFAULT-VALUE}).")
  URI rpc;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Sender sender;

  static final class Sender {
    @Option(names = "--key", paramLabel = "PEM", description = "The sending account's key on the chain's suite.")
    Path key;

    @Option(names = "--dev-account", paramLabel = "N",
        description = "Send from development account N (0 to 9), funded on local networks.")
    Integer devAccount;
  }

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  ValidatorsSubmitCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    ValidatorUpdateFile update = ValidatorUpdateFile.read(environment.resolve(file));
    if (update.signatures().isEmpty()) {
      throw new UserException(file + " holds no signature yet");
    }
    CryptoSuite suite = update.cryptoSuite();
    KeyPair key = senderKey(suite);
    Address from = suite.address(key.publicKey());
    byte[] data = update.transactionData();
    try (ValidatorsRpc node = new ValidatorsRpc(rpc)) {
      if (node.chainId() != update.chainId() || !node.genesisHash().equals(update.genesisHash())) {
        throw new UserException(rpc + " serves another chain than " + file + " was proposed for");
      }
      Map<String, String> message = new LinkedHashMap<>();
      message.put("from", from.toString());
      message.put("to", ValidatorGovernance.ADDRESS.toString());
      message.put("data", Hex.encode(data));
      long estimate = node.quantity("eth_estimateGas", message);
      long nonce = node.quantity("eth_getTransactionCount", from.toString(), "pending");
      long gasPrice = node.quantity("eth_gasPrice");
      TransactionCodec codec = TransactionCodec.of(suite);
      // The contract's price is fixed by the update; the margin covers the intrinsic cost only.
      long gas = estimate + estimate / 10;
      byte[] raw = codec.encode(codec.sign(new UnsignedTransaction.Legacy(nonce, BigInteger.valueOf(gasPrice), gas,
          Optional.of(ValidatorGovernance.ADDRESS), BigInteger.ZERO, data, OptionalLong.of(update.chainId())),
          key.privateKey()));
      JsonNode sent = node.call("eth_sendRawTransaction", Hex.encode(raw));
      Hash hash = Hash.wrap(Hex.decode("transactionHash", sent.asText()));
      environment.out().println("Sent " + hash + " from " + from + "; waiting for its receipt.");
      JsonNode receipt = awaitReceipt(node, hash);
      long block = ValidatorsRpc.quantity(receipt.get("blockNumber"), "blockNumber");
      if (ValidatorsRpc.quantity(receipt.get("status"), "status") != 1) {
        throw new UserException("the update failed in block " + block + " (receipt status 0): "
            + reason(node, message, block - 1));
      }
      environment.out().println("Recorded in block " + block + ": epoch " + update.epoch().number() + " ("
          + update.epoch().validators().size() + " validators) governs from height "
          + update.epoch().activationHeight() + ".");
    }
    return 0;
  }

  private KeyPair senderKey(CryptoSuite suite) throws IOException {
    if (sender.key != null) {
      return ValidatorsSignCommand.readKey(environment.resolve(sender.key), suite);
    }
    if (sender.devAccount < 0 || sender.devAccount >= DevChain.ACCOUNTS.size()) {
      throw new UserException("--dev-account: must be 0 to " + (DevChain.ACCOUNTS.size() - 1));
    }
    return suite.keyPairFromPrivateKey(DevChain.privateKey(sender.devAccount));
  }

  private JsonNode awaitReceipt(ValidatorsRpc node, Hash hash) {
    long deadline = environment.clock().nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      Optional<JsonNode> receipt = node.receipt(hash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      if (environment.clock().nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
        throw new UserException(hash + " is not in a block after " + timeoutSeconds
            + " s; it may still be included (check its receipt)");
      }
      LockSupport.parkNanos(POLL_INTERVAL_NANOS);
    }
  }

  /** Why the contract refused, replayed on the state before the block. */
  private static String reason(ValidatorsRpc node, Map<String, String> message, long before) {
    try {
      node.call("eth_call", message, "0x" + Long.toHexString(before));
      return "the replay on block " + before + " succeeds (another transaction in the block changed the state)";
    } catch (UserException e) {
      return e.getMessage();
    }
  }
}
