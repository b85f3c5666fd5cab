package org.xinlian.sdk;

/**
 * A call to the node did not produce an answer: the connection failed, the HTTP status was not
 * 200, the answer was too large or not JSON-RPC, or the wait was interrupted. Unchecked, like
 * {@link java.io.UncheckedIOException}, so application code handles it where it chooses to.
 */
public class XinlianClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public XinlianClientException(String message) {
    super(message);
  }

  public XinlianClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
