package org.xinlian.types.rlp;

import java.util.Arrays;
import org.xinlian.common.Hex;

/** An RLP byte string; the array is copied in and out so the value stays immutable. */
public record RlpString(byte[] bytes) implements RlpItem {
  public RlpString {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RlpString string && Arrays.equals(bytes, string.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
