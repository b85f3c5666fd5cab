package org.xinlian.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One JSON-RPC POST over a socket bound to a chosen source address (127.0.0.2, say): the JDK's
 * HTTP client cannot choose its local address, and the adversarial suite needs a second client
 * address to test per-address limits and filter ownership.
 */
final class RawHttp {
  private static final int TIMEOUT_MS = 15_000;

  private RawHttp() {}

  /** The response body; throws if the node answers with anything but a complete response. */
  static String post(String sourceHost, int port, String json) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(sourceHost, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      if (split < 0) {
        throw new IOException("no complete HTTP response: " + text);
      }
      return text.substring(split + 4);
    }
  }
}
