package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The strict frame decoder (NETWORK-6, NETWORK-7). */
class FrameDecoderTest {
  private static final int LIMIT = 64;

  private static ByteBuf frame(int declaredLength, int channel, byte[] payload) {
    ByteBuf buffer = Unpooled.buffer();
    buffer.writeInt(declaredLength);
    buffer.writeByte(channel);
    buffer.writeBytes(payload);
    return buffer;
  }

  private static List<Object> drain(EmbeddedChannel channel) {
    List<Object> out = new ArrayList<>();
    for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
      out.add(message);
    }
    return out;
  }

  @Test
  void decodesAFrameWrittenByTheEncoder() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));
    channel.writeInbound(Frames.encode(channel.alloc(), 200, new byte[] {7, 8, 9}));
    Frames.Inbound frame = channel.readInbound();
    assertEquals(200, frame.channel());
    assertArrayEquals(new byte[] {7, 8, 9}, frame.payload());
  }

  @Test
  void theWireFormatIsLengthThenChannelThenPayload() {
    // NETWORK-6: 4-byte big-endian length counting the channel byte and the payload.
    ByteBuf encoded = Frames.encode(Unpooled.buffer().alloc(), 5, new byte[] {1, 2});
    byte[] wire = new byte[encoded.readableBytes()];
    encoded.readBytes(wire);
    assertArrayEquals(new byte[] {0, 0, 0, 3, 5, 1, 2}, wire);
  }

  @Test
  void aFrameSplitIntoSingleBytesStillDecodes() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));
    ByteBuf whole = frame(4, 1, new byte[] {1, 2, 3});
    while (whole.isReadable()) {
      channel.writeInbound(whole.readRetainedSlice(1));
    }
    List<Object> out = drain(channel);
    assertEquals(1, out.size());
    assertArrayEquals(new byte[] {1, 2, 3}, ((Frames.Inbound) out.get(0)).payload());
  }

  @Test
  void aFrameAtTheLimitDecodesAndOneByteMoreIsSkippedThenTheNextDecodes() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));
    ByteBuf input = Unpooled.buffer();
    input.writeBytes(frame(LIMIT, 1, new byte[LIMIT - 1]));
    input.writeBytes(frame(LIMIT + 1, 1, new byte[LIMIT]));
    input.writeBytes(frame(2, 3, new byte[] {42}));
    channel.writeInbound(input);
    List<Object> out = drain(channel);
    assertEquals(3, out.size());
    assertEquals(LIMIT - 1, ((Frames.Inbound) out.get(0)).payload().length);
    Frames.Invalid invalid = assertInstanceOf(Frames.Invalid.class, out.get(1));
    assertTrue(!invalid.fatal() && invalid.problem().startsWith("frame.length"));
    assertArrayEquals(new byte[] {42}, ((Frames.Inbound) out.get(2)).payload());
  }

  @Test
  void anOversizedFrameIsSkippedAsItArrivesWithoutBeingBuffered() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));
    channel.writeInbound(frame(2 * LIMIT, 1, new byte[10]));
    assertInstanceOf(Frames.Invalid.class, channel.readInbound());
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[2 * LIMIT - 11]));
    assertNull(channel.readInbound());
    channel.writeInbound(frame(2, 9, new byte[] {1}));
    assertEquals(9, ((Frames.Inbound) channel.readInbound()).channel());
  }

  @Test
  void zeroNegativeAndAbsurdLengthsAreFatal() {
    for (int length : new int[] {0, -1, Integer.MIN_VALUE, 2 * LIMIT + 1, Integer.MAX_VALUE}) {
      EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));
      ByteBuf input = Unpooled.buffer();
      input.writeInt(length);
      input.writeBytes(frame(2, 1, new byte[] {1}));
      channel.writeInbound(input);
      List<Object> out = drain(channel);
      assertEquals(1, out.size(), "length " + length);
      assertTrue(((Frames.Invalid) out.get(0)).fatal(), "length " + length);
    }
  }

  @Test
  void raisingTheLimitAfterTheHandshakeAdmitsLargerFrames() {
    FrameDecoder decoder = new FrameDecoder(Frames.HANDSHAKE_FRAME_BYTES_MAX);
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    byte[] large = new byte[Frames.HANDSHAKE_FRAME_BYTES_MAX];
    channel.writeInbound(frame(large.length + 1, 1, large));
    assertInstanceOf(Frames.Invalid.class, channel.readInbound());
    decoder.frameBytesMax(4 * Frames.HANDSHAKE_FRAME_BYTES_MAX);
    channel.writeInbound(frame(large.length + 1, 1, large));
    assertEquals(large.length, ((Frames.Inbound) channel.readInbound()).payload().length);
  }

  @Property(tries = 300)
  void arbitraryBytesNeverThrowAndNeverYieldAnOversizedFrame(
      @ForAll @Size(max = 600) byte[] bytes) {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(LIMIT));
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    for (Object message : drain(channel)) {
      if (message instanceof Frames.Inbound frame) {
        assertTrue(frame.payload().length <= LIMIT - 1);
      } else {
        assertInstanceOf(Frames.Invalid.class, message);
      }
    }
    channel.finishAndReleaseAll();
  }
}
