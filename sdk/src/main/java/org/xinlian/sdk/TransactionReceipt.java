package org.xinlian.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * The outcome of a mined transaction. {@code from} is the sender the node established (recovered
 * on standard chains, the embedded SM2 key's address on gm chains), so an application can check
 * that its key was the one that paid.
 *
 * @param success the receipt's status: false when execution reverted or ran out of gas
 * @param contractAddress the new contract of a deployment; empty for calls
 */
public record TransactionReceipt(
    Hash transactionHash,
    long blockNumber,
    Hash blockHash,
    Address from,
    Optional<Address> to,
    Optional<Address> contractAddress,
    boolean success,
    long gasUsed,
    List<LogEntry> logs) {
  public TransactionReceipt {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(contractAddress, "contractAddress");
    logs = List.copyOf(logs);
  }
}
