package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;

/** Strict decoding of the handshake messages and what the transcript binds (NETWORK-4). */
class NodeHandshakeMessagesTest {
  @Test
  void helloRoundTripsAndRejectsEveryOtherShape() {
    byte[] nonce = new byte[NodeHandshake.NONCE_BYTES];
    Arrays.fill(nonce, (byte) 7);
    byte[] hello = NodeHandshake.encodeHello(nonce);
    assertArrayEquals(nonce, NodeHandshake.decodeHello(hello).nonce());
    assertEquals("hello", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeHello(Arrays.copyOf(hello, hello.length - 1))).field());
    assertEquals("hello", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeHello(Arrays.copyOf(hello, hello.length + 1))).field());
    byte[] badVersion = hello.clone();
    badVersion[1] = 2;
    assertEquals("hello.version", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeHello(badVersion)).field());
    assertEquals("handshake.type", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeHello(new byte[0])).field());
  }

  @Test
  void authRoundTripsAndRejectsTrailingTruncatedAndEmptyFields() {
    NodeHandshake.Auth auth = new NodeHandshake.Auth(new byte[] {1, 2, 3}, new byte[] {4, 5});
    byte[] encoded = NodeHandshake.encodeAuth(auth);
    NodeHandshake.Auth decoded = NodeHandshake.decodeAuth(encoded);
    assertArrayEquals(auth.certificate(), decoded.certificate());
    assertArrayEquals(auth.signature(), decoded.signature());
    assertEquals("auth", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeAuth(Arrays.copyOf(encoded, encoded.length + 1))).field());
    assertEquals("auth.signature", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeAuth(Arrays.copyOf(encoded, encoded.length - 1))).field());
    assertEquals("auth.certificate", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeAuth(new byte[] {NodeHandshake.AUTH, 0, 0})).field());
    assertEquals("auth.type", assertThrows(DecodingException.class,
        () -> NodeHandshake.decodeAuth(new byte[] {NodeHandshake.HELLO})).field());
  }

  @Test
  void theTranscriptChangesWithEveryInput() {
    byte[] a = {1};
    byte[] b = {2};
    byte[] base = NodeHandshake.transcript(true, a, b, a, b);
    assertNotEquals(Arrays.toString(base), Arrays.toString(NodeHandshake.transcript(false, a, b, a, b)));
    assertNotEquals(Arrays.toString(base), Arrays.toString(NodeHandshake.transcript(true, b, a, a, b)));
    assertNotEquals(Arrays.toString(base), Arrays.toString(NodeHandshake.transcript(true, a, b, b, a)));
  }

  @Property(tries = 500)
  void arbitraryControlPayloadsFailOnlyWithDecodingException(@ForAll byte[] payload) {
    for (Runnable decoder : new Runnable[] {
        () -> NodeHandshake.decodeHello(payload),
        () -> NodeHandshake.decodeAuth(payload),
        () -> NodeHandshake.decodeAccepted(payload)}) {
      try {
        decoder.run();
      } catch (DecodingException expected) {
        // The only failure a decoder may raise.
      }
    }
  }
}
