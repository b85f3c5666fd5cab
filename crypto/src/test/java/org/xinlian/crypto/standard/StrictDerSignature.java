package org.xinlian.crypto.standard;

import java.math.BigInteger;

/**
 * A strict DER reader for {@code ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }}, as
 * Wycheproof expects: definite minimal lengths, minimal positive integers, nothing trailing. BER
 * forms, negative or zero-padded integers and extra bytes are all rejected (null).
 */
final class StrictDerSignature {
  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;

  private final byte[] input;
  private int position;

  private StrictDerSignature(byte[] input) {
    this.input = input;
  }

  /** {r, s}, or null when {@code der} is not exactly one strict DER ECDSA signature. */
  static BigInteger[] parse(byte[] der) {
    StrictDerSignature reader = new StrictDerSignature(der);
    if (!reader.expectTag(SEQUENCE)) {
      return null;
    }
    int length = reader.readLength();
    if (length < 0 || length != der.length - reader.position) {
      return null;
    }
    BigInteger r = reader.readPositiveInteger();
    BigInteger s = r == null ? null : reader.readPositiveInteger();
    if (s == null || reader.position != der.length) {
      return null;
    }
    return new BigInteger[] {r, s};
  }

  private boolean expectTag(int tag) {
    if (position >= input.length || (input[position] & 0xff) != tag) {
      return false;
    }
    position++;
    return true;
  }

  /** A definite length in its shortest form, or -1. */
  private int readLength() {
    if (position >= input.length) {
      return -1;
    }
    int first = input[position++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int octets = first & 0x7f;
    if (octets == 0 || octets > 3 || position + octets > input.length) {
      return -1; // indefinite (BER) or absurdly long
    }
    if (input[position] == 0) {
      return -1; // leading zero octet: not the shortest form
    }
    int length = 0;
    for (int i = 0; i < octets; i++) {
      length = (length << 8) | (input[position++] & 0xff);
    }
    return length < 0x80 ? -1 : length;
  }

  private BigInteger readPositiveInteger() {
    if (!expectTag(INTEGER)) {
      return null;
    }
    int length = readLength();
    if (length <= 0 || length > input.length - position) {
      return null;
    }
    int first = input[position] & 0xff;
    if (first >= 0x80) {
      return null; // negative
    }
    if (first == 0 && length > 1 && (input[position + 1] & 0x80) == 0) {
      return null; // a padding byte the value did not need
    }
    BigInteger value = new BigInteger(1, input, position, length);
    position += length;
    return value;
  }
}
