package org.xinlian.evm.interpreter;

import java.util.Arrays;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;

/** Addresses on the stack are words whose low 160 bits count; the high 96 bits are ignored. */
public final class AddressWords {
  private AddressWords() {}

  public static Address toAddress(UInt256 word) {
    return Address.wrap(Arrays.copyOfRange(word.toBytes(), 12, 32));
  }

  public static UInt256 toWord(Address address) {
    return UInt256.fromBytes(address.toArray());
  }
}
