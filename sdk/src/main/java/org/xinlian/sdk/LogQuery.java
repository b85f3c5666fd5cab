package org.xinlian.sdk;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * The filter of {@code eth_getLogs}: a block range (empty ends mean {@code latest}), the emitting
 * contracts (empty: any) and, per topic position, the accepted values (an empty list: any), which
 * is how Ethereum expresses "Transfer events to me".
 */
public record LogQuery(
    OptionalLong fromBlock, OptionalLong toBlock, List<Address> addresses, List<List<Hash>> topics) {
  public LogQuery {
    Objects.requireNonNull(fromBlock, "fromBlock");
    Objects.requireNonNull(toBlock, "toBlock");
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  /** Every log of {@code address} in blocks {@code fromBlock} to {@code toBlock}. */
  public static LogQuery of(Address address, long fromBlock, long toBlock) {
    return new LogQuery(OptionalLong.of(fromBlock), OptionalLong.of(toBlock), List.of(address), List.of());
  }

  /** This query restricted to logs whose first topic (the event signature) is {@code topic}. */
  public LogQuery withEvent(Hash topic) {
    return new LogQuery(fromBlock, toBlock, addresses, List.of(List.of(topic)));
  }
}
