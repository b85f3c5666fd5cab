package org.xinlian.cli.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to run.
 *
 * @param rpc the node's HTTP JSON-RPC endpoint
 * @param workload plain ether transfers or ERC-20 token transfers
 * @param transactions how many transactions the measured phase sends
 * @param warmupTransactions signed with the others and sent first, unmeasured, to every node: the
 *     load generator's own JIT and the node's (a JVM node) warm up, so the node measured first is
 *     not at a disadvantage
 * @param ratePerSecond target send rate; 0 sends as fast as the connections allow
 * @param connections concurrent HTTP requests, hence connections, in the measured phase
 * @param senders accounts the transactions are spread over (round robin)
 * @param batchSize transactions per JSON-RPC batch request in the measured phase (1: no batching)
 * @param inFlightPerSender most sent-but-not-yet-included transactions per sender, so the load
 *     stays inside a node's per-sender pool limit; 0 for no limit
 * @param inFlight most sent-but-not-yet-included transactions over all senders, so the load stays
 *     inside a node's whole pool (geth and Xinlian hold 5,120); 0 for no limit
 * @param timeoutSeconds longest measured phase
 * @param seed from which sender keys derive, so runs are repeatable
 * @param erc20Artifact the compiled token ({@code {abi, bytecode}}), needed for the erc20 workload
 */
public record BenchConfig(
    URI rpc,
    Workload workload,
    int transactions,
    int warmupTransactions,
    double ratePerSecond,
    int connections,
    int senders,
    int batchSize,
    int inFlightPerSender,
    int inFlight,
    long timeoutSeconds,
    String seed,
    Optional<Path> erc20Artifact) {

  /** Most transactions in one run: the pre-signed set is held in memory. */
  public static final int TRANSACTIONS_MAX = 10_000_000;
  public static final int CONNECTIONS_MAX = 1_024;
  public static final int SENDERS_MAX = 100_000;
  /** geth's and Xinlian's default JSON-RPC batch limit is 1000; stay well inside it. */
  public static final int BATCH_SIZE_MAX = 500;

  /**
   * geth's executable slots (4,096 of its 5,120), below Xinlian's pool of 5,120: more in flight
   * adds latency, not throughput, and a full pool refuses transactions, leaving nonce gaps that
   * strand every later transaction of the sender.
   */
  public static final int IN_FLIGHT_DEFAULT = 4_096;

  /** What each measured transaction does. */
  public enum Workload {
    TRANSFER,
    ERC20
  }

  /** With {@link #IN_FLIGHT_DEFAULT} transactions in flight at most and no warm-up. */
  public BenchConfig(URI rpc, Workload workload, int transactions, double ratePerSecond, int connections,
      int senders, int batchSize, int inFlightPerSender, long timeoutSeconds, String seed,
      Optional<Path> erc20Artifact) {
    this(rpc, workload, transactions, 0, ratePerSecond, connections, senders, batchSize, inFlightPerSender,
        IN_FLIGHT_DEFAULT, timeoutSeconds, seed, erc20Artifact);
  }

  public BenchConfig {
    require(transactions >= 1 && transactions <= TRANSACTIONS_MAX,
        "--transactions: must be 1 to " + TRANSACTIONS_MAX + ", got " + transactions);
    require(warmupTransactions >= 0 && warmupTransactions <= TRANSACTIONS_MAX - transactions,
        "--warmup: must be 0 to " + (TRANSACTIONS_MAX - transactions) + ", got " + warmupTransactions);
    require(ratePerSecond >= 0 && Double.isFinite(ratePerSecond),
        "--rate: must be 0 (as fast as possible) or positive, got " + ratePerSecond);
    require(connections >= 1 && connections <= CONNECTIONS_MAX,
        "--connections: must be 1 to " + CONNECTIONS_MAX + ", got " + connections);
    require(senders >= 1 && senders <= SENDERS_MAX,
        "--senders: must be 1 to " + SENDERS_MAX + ", got " + senders);
    require(batchSize >= 1 && batchSize <= BATCH_SIZE_MAX,
        "--batch: must be 1 to " + BATCH_SIZE_MAX + ", got " + batchSize);
    require(inFlightPerSender >= 0, "--in-flight-per-sender: must be 0 or more, got " + inFlightPerSender);
    require(inFlight >= 0, "--in-flight: must be 0 or more, got " + inFlight);
    require(timeoutSeconds >= 1, "--timeout: must be at least 1 second, got " + timeoutSeconds);
    require(workload != Workload.ERC20 || erc20Artifact.isPresent(),
        "--erc20-artifact: required by --workload erc20");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
