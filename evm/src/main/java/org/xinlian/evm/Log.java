package org.xinlian.evm;

import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;

/** A LOG0..LOG4 entry: emitting address, up to four topics and the data bytes. */
public record Log(Address address, List<UInt256> topics, byte[] data) {
  public Log {
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
