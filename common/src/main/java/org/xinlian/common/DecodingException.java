package org.xinlian.common;

/**
 * Thrown by every decoder (hex, RLP, transactions, keys, files) when input is truncated, oversized,
 * non-canonical or malformed. It always names the field that was being decoded, so a caller (RPC,
 * CLI, P2P) can report one precise line without a stack trace.
 */
public class DecodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public DecodingException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public DecodingException(String field, String problem, Throwable cause) {
    super(field + ": " + problem, cause);
    this.field = field;
  }

  /** The name of the field (or path of fields, such as {@code transaction.accessList[2].address}). */
  public String field() {
    return field;
  }
}
