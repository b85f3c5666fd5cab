package org.xinlian.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The wire format of one frame: a 4-byte big-endian length, then a channel byte, then the
 * payload; the length counts the channel byte and the payload. Channel 0 carries the transport's
 * handshake; channels 1..255 belong to the application.
 */
final class Frames {
  /** Bytes before the channel byte. */
  static final int LENGTH_FIELD_BYTES = 4;

  /** The transport's own channel (handshake messages). */
  static final int CONTROL_CHANNEL = 0;

  /**
   * Frame limit before a peer has authenticated: the handshake messages are small, and an
   * unauthenticated peer must not make the node buffer megabytes.
   */
  static final int HANDSHAKE_FRAME_BYTES_MAX = 16 * 1024;

  private Frames() {}

  /** Bytes one message of this payload occupies on the wire. */
  static int wireBytes(int payloadLength) {
    return LENGTH_FIELD_BYTES + 1 + payloadLength;
  }

  static ByteBuf encode(ByteBufAllocator allocator, int channel, byte[] payload) {
    ByteBuf buffer = allocator.buffer(wireBytes(payload.length));
    buffer.writeInt(1 + payload.length);
    buffer.writeByte(channel);
    buffer.writeBytes(payload);
    return buffer;
  }

  /** A decoded frame. */
  record Inbound(int channel, byte[] payload) {}

  /**
   * A frame that was dropped. {@code fatal} when the stream cannot be trusted to continue (a
   * negative or absurd length), so the connection is closed.
   */
  record Invalid(String problem, boolean fatal) {}

  /** The checks of {@code send} and {@code broadcast} on both transports (NETWORK-6). */
  static void checkMessage(int channel, byte[] payload, TransportLimits limits) {
    if (payload == null) {
      throw new IllegalArgumentException("payload: required");
    }
    if (channel < Transport.CHANNEL_MIN || channel > Transport.CHANNEL_MAX) {
      throw new IllegalArgumentException("channel: must be in [" + Transport.CHANNEL_MIN + ", "
          + Transport.CHANNEL_MAX + "], got " + channel);
    }
    if (payload.length > limits.payloadBytesMax()) {
      throw new IllegalArgumentException("payload: " + payload.length + " bytes is over the limit "
          + limits.payloadBytesMax());
    }
  }
}
