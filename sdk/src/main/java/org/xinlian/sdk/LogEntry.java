package org.xinlian.sdk;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * One event as the node reports it in a receipt or in {@code eth_getLogs}, with where it was
 * emitted so that an application can deduplicate and order events.
 */
public record LogEntry(
    Address address, List<Hash> topics, byte[] data, long blockNumber, Hash transactionHash, long logIndex) {
  public LogEntry {
    Objects.requireNonNull(address, "address");
    topics = List.copyOf(topics);
    data = data.clone();
    Objects.requireNonNull(transactionHash, "transactionHash");
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
