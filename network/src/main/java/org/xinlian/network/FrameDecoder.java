package org.xinlian.network;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Strict decoder of {@link Frames}. A frame longer than the current limit is never buffered: its
 * bytes are skipped as they arrive and one {@link Frames.Invalid} is emitted, so the next frame
 * still decodes. A length of zero or less, or more than twice the limit, cannot come from an honest
 * peer and is fatal: the rest of the stream is ignored and the connection closed.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  /** Oversized frames up to this multiple of the limit are skipped; longer ones are fatal. */
  static final int SKIPPABLE_FRAME_LIMIT_MULTIPLE = 2;

  private int frameBytesMax;
  private long skipBytes;
  private boolean failed;

  FrameDecoder(int frameBytesMax) {
    this.frameBytesMax = frameBytesMax;
  }

  /** Raises the limit once the peer is authenticated. Runs on the channel's event loop. */
  void frameBytesMax(int frameBytesMax) {
    this.frameBytesMax = frameBytesMax;
  }

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    while (true) {
      if (failed) {
        in.skipBytes(in.readableBytes());
        return;
      }
      if (skipBytes > 0) {
        int skipped = (int) Math.min(skipBytes, in.readableBytes());
        in.skipBytes(skipped);
        skipBytes -= skipped;
        if (skipBytes > 0) {
          return;
        }
      }
      if (in.readableBytes() < Frames.LENGTH_FIELD_BYTES) {
        return;
      }
      int length = in.getInt(in.readerIndex());
      if (length < 1) {
        failed = true;
        out.add(new Frames.Invalid("frame.length: " + length + " is below 1", true));
        continue;
      }
      if (length > frameBytesMax) {
        if ((long) length > (long) frameBytesMax * SKIPPABLE_FRAME_LIMIT_MULTIPLE) {
          failed = true;
          out.add(new Frames.Invalid(
              "frame.length: " + length + " is far over the limit " + frameBytesMax, true));
          continue;
        }
        in.skipBytes(Frames.LENGTH_FIELD_BYTES);
        skipBytes = length;
        out.add(new Frames.Invalid(
            "frame.length: " + length + " is over the limit " + frameBytesMax, false));
        continue;
      }
      if (in.readableBytes() < Frames.LENGTH_FIELD_BYTES + length) {
        return;
      }
      in.skipBytes(Frames.LENGTH_FIELD_BYTES);
      int channel = in.readUnsignedByte();
      byte[] payload = new byte[length - 1];
      in.readBytes(payload);
      out.add(new Frames.Inbound(channel, payload));
    }
  }
}
