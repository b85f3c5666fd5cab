package org.xinlian.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorGovernance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian validators propose}: writes an unsigned validator set update (docs/adr/0009). */
@Command(
    name = "propose",
    mixinStandardHelpOptions = true,
    description = {
      "Write an update file proposing a new validator set: the next epoch and the chain's id and "
          + "genesis hash are read from the node at --rpc.",
      "",
      "The set is the complete new list (each validator with power 1), in any order. It takes "
          + "effect at --activation-height, or --activation-delay heights after the node's head: "
          + "leave time to collect the signatures, since an update included later than two heights "
          + "before its activation is refused."
    })
final class ValidatorsProposeCommand implements Callable<Integer> {
  /** Default margin: a few minutes on a network making a block a second. */
  static final long ACTIVATION_DELAY_HEIGHTS_DEFAULT = 300;

  private final CliEnvironment environment;

  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "A node of the network (default: ${DEFAULT-VALUE}).")
  URI rpc;

  @Option(names = "--suite", paramLabel = "SUITE", required = true, converter = SuiteNameConverter.class,
      description = "The chain's crypto suite: standard or gm.")
  String suite;

  @Option(names = "--validator", paramLabel = "ADDRESS", required = true, split = ",",
      description = "A validator of the new set; repeat it or separate addresses with commas.")
  List<String> validators;

  @Option(names = "--activation-height", paramLabel = "H",
      description = "The first height the new set governs.")
  Long activationHeight;

  @Option(names = "--activation-delay", paramLabel = "N", defaultValue = "" + ACTIVATION_DELAY_HEIGHTS_DEFAULT,
      description = "Without --activation-height: activate N heights after the head (default: ${DEFAULT-VALUE}).")
  long activationDelay;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The update file to create.")
  Path out;

  ValidatorsProposeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    List<Address> addresses = new ArrayList<>();
    for (String text : validators) {
      Address address = Address.wrap(Hex.decode("--validator", text.strip()));
      if (addresses.contains(address)) {
        throw new UserException("--validator: " + address + " is listed twice");
      }
      addresses.add(address);
    }
    if (addresses.size() > ValidatorGovernance.VALIDATORS_MAX) {
      throw new UserException("--validator: " + addresses.size() + " validators exceed the limit of "
          + ValidatorGovernance.VALIDATORS_MAX);
    }
    addresses.sort(null);
    if (activationDelay < ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN
        || activationDelay > ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MAX) {
      throw new UserException("--activation-delay: must be " + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN
          + " to " + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MAX);
    }
    ValidatorUpdateFile update;
    try (ValidatorsRpc node = new ValidatorsRpc(rpc)) {
      long head = node.quantity("eth_blockNumber");
      long lastEpoch = node.lastEpoch();
      long activation = activationHeight != null ? activationHeight : head + activationDelay;
      if (activation <= head + ValidatorGovernance.ACTIVATION_DELAY_HEIGHTS_MIN) {
        throw new UserException("--activation-height: " + activation + " is too close to the head " + head);
      }
      update = new ValidatorUpdateFile(suite, node.chainId(), node.genesisHash(),
          new ValidatorEpoch(lastEpoch + 1, activation, addresses), List.of(), List.of());
    }
    update.write(environment.resolve(out), false);
    environment.out().println("epoch:             " + update.epoch().number());
    environment.out().println("activation height: " + update.epoch().activationHeight());
    environment.out().println("validators:        " + update.epoch().validators().size());
    environment.out().println("digest:            " + Hex.encode(update.digest()));
    environment.out().println("Wrote " + out + "; each validator signs it with 'xinlian validators sign "
        + out + " --key node.key.pem'.");
    return 0;
  }
}
