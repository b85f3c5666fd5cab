package org.xinlian.crypto.keystore;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Serves given byte strings in order (salt, then IV, then UUID, as {@link KeyFile#encrypt} draws
 * them), so a test can make encryption reproduce a published vector. Never for real keys.
 */
final class FixedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final transient Deque<byte[]> chunks = new ArrayDeque<>();

  FixedRandom(byte[]... chunks) {
    for (byte[] chunk : chunks) {
      this.chunks.add(chunk);
    }
  }

  @Override
  public void nextBytes(byte[] bytes) {
    byte[] next = chunks.isEmpty() ? new byte[bytes.length] : chunks.remove();
    if (next.length != bytes.length) {
      throw new IllegalStateException("asked for " + bytes.length + " bytes, have " + next.length);
    }
    System.arraycopy(next, 0, bytes, 0, bytes.length);
  }
}
