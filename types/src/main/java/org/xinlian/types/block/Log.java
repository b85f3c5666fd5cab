package org.xinlian.types.block;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;

/**
 * An EVM log: the emitting contract, up to four topics (LOG0 to LOG4) and opaque data. Encoded as
 * Ethereum's {@code rlp([address, [topics...], data])}.
 */
public record Log(Address address, List<Hash> topics, byte[] data) {
  /** LOG4 is the widest log opcode. */
  public static final int TOPICS_MAX = 4;

  public Log {
    Objects.requireNonNull(address, "log.address");
    topics = List.copyOf(topics);
    if (topics.size() > TOPICS_MAX) {
      throw new IllegalArgumentException(
          "log.topics: " + topics.size() + " topics exceed the limit of " + TOPICS_MAX);
    }
    data = Objects.requireNonNull(data, "log.data").clone();
  }

  /** A copy of the data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Log log
        && address.equals(log.address)
        && topics.equals(log.topics)
        && Arrays.equals(data, log.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, topics, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "Log[address=" + address + ", topics=" + topics + ", data=" + Hex.encode(data) + "]";
  }
}
