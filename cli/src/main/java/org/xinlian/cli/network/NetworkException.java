package org.xinlian.cli.network;

/**
 * A network command could not do what was asked (a port is taken, a node exited or did not answer
 * in time); the message says which node and where its log is. The CLI reports it as a user error.
 */
public final class NetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message) {
    super(message);
  }
}
