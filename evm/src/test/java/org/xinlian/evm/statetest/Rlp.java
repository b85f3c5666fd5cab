package org.xinlian.evm.statetest;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * RLP encoding (Yellow Paper appendix B), only what the state-test runner needs to recompute the
 * state root and the logs hash; the production codec lives in the types module.
 */
final class Rlp {
  private Rlp() {}

  static byte[] bytes(byte[] value) {
    if (value.length == 1 && (value[0] & 0xFF) < 0x80) {
      return value.clone();
    }
    return withHeader(0x80, value);
  }

  static byte[] list(List<byte[]> encodedItems) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (byte[] item : encodedItems) {
      payload.writeBytes(item);
    }
    return withHeader(0xc0, payload.toByteArray());
  }

  private static byte[] withHeader(int offset, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (payload.length < 56) {
      out.write(offset + payload.length);
    } else {
      byte[] length = minimal(payload.length);
      out.write(offset + 55 + length.length);
      out.writeBytes(length);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static byte[] minimal(long value) {
    int size = 0;
    for (long v = value; v != 0; v >>>= 8) {
      size++;
    }
    byte[] out = new byte[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }
}
