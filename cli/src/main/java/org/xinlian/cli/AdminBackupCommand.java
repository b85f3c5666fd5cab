package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.concurrent.Callable;
import org.xinlian.cli.bench.BenchException;
import org.xinlian.cli.bench.JsonRpcClient;
import org.xinlian.node.backup.AdminBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian admin backup}: an online backup of a running node (OPS-70). */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Make a consistent backup of a running node's whole ledger (blocks, receipts, state) and its "
          + "consensus write-ahead state, while it keeps committing blocks.",
      "",
      "The node writes the backup itself, into the subdirectory --out of the directory its "
          + "configuration names in backup.directory (backups are disabled without one), and needs "
          + "the ADMIN permission enabled on its JSON-RPC (rpc.permissions). Check the backup with "
          + "'xinlian db verify --data DIR' and bring a node back with 'xinlian admin restore'."
    })
final class AdminBackupCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "The node's JSON-RPC endpoint (default: ${DEFAULT-VALUE}).")
  URI rpc;

  @Option(names = "--out", required = true, paramLabel = "NAME",
      description = "The backup's name: a new subdirectory of the node's backup.directory "
          + "(letters, digits, '.', '_', '-'; at most 64).")
  String out;

  AdminBackupCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    JsonNode result;
    try (JsonRpcClient client = new JsonRpcClient(rpc, 1)) {
      result = client.call(AdminBackup.NAME, out);
    } catch (BenchException e) {
      throw new UserException(rpc + ": " + e.getMessage());
    }
    if (result == null || !result.isObject() || !result.path("directory").isTextual()) {
      throw new UserException(rpc + ": " + AdminBackup.NAME + " answered " + result);
    }
    environment.out().println("backup " + out + " written by the node to " + result.get("directory").asText());
    environment.out().println("chain id " + Long.decode(result.path("chainId").asText())
        + ", genesis " + result.path("genesisHash").asText());
    environment.out().println("head block " + Long.decode(result.path("height").asText()) + " "
        + result.path("headHash").asText() + ", " + result.path("files").asInt() + " ledger files"
        + (result.path("consensusState").asBoolean() ? " and the consensus write-ahead state" : ""));
    return 0;
  }
}
