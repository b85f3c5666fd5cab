package org.xinlian.types.rlp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.DecodingException;

/**
 * Recursive Length Prefix, Ethereum's canonical serialisation (yellow paper, appendix B), with the
 * limits a node needs when the bytes come from a peer. Encoding always produces the one canonical
 * form; decoding accepts only that form, so two nodes can never disagree on what bytes mean or on
 * the hash of a value.
 */
public final class Rlp {
  /**
   * Largest input any RLP decoder accepts: 16 MiB. It bounds memory before any parsing starts;
   * each message type (transactions, blocks) then applies its own smaller cap.
   */
  public static final int RLP_INPUT_BYTES_MAX = 16 * 1024 * 1024;

  /**
   * Deepest nesting of lists accepted. Xinlian's own structures nest at most six deep (block,
   * transactions, access list, entry, storage keys); 64 leaves room for generic use while keeping
   * the recursive tree decoder far from a stack overflow.
   */
  public static final int RLP_NESTING_DEPTH_MAX = 64;

  private Rlp() {}

  /** The encoding of a byte string. */
  public static byte[] encodeBytes(byte[] bytes) {
    return new RlpWriter(bytes.length + 9).writeBytes(bytes).toByteArray();
  }

  /** The encoding of an unsigned 64-bit scalar ({@code value} is read as unsigned). */
  public static byte[] encodeUnsignedLong(long value) {
    return new RlpWriter(9).writeUnsignedLong(value).toByteArray();
  }

  /** The encoding of a non-negative scalar: minimal big-endian bytes, zero as the empty string. */
  public static byte[] encodeBigInteger(BigInteger value) {
    return new RlpWriter(42).writeBigInteger(value).toByteArray();
  }

  /** The encoding of a list whose items are given already encoded. */
  public static byte[] encodeList(List<byte[]> encodedItems) {
    RlpWriter writer = new RlpWriter(64);
    writer.startList();
    for (byte[] item : encodedItems) {
      writer.writeEncoded(item);
    }
    return writer.endList().toByteArray();
  }

  /** The encoding of a generic item tree. */
  public static byte[] encode(RlpItem item) {
    RlpWriter writer = new RlpWriter(64);
    write(writer, item);
    return writer.toByteArray();
  }

  private static void write(RlpWriter writer, RlpItem item) {
    if (item instanceof RlpString string) {
      writer.writeBytes(string.bytes());
    } else if (item instanceof RlpList list) {
      writer.startList();
      for (RlpItem child : list.items()) {
        write(writer, child);
      }
      writer.endList();
    }
  }

  /**
   * Decodes exactly one item spanning all of {@code input} into a tree, strictly: truncation,
   * trailing bytes, non-canonical lengths, oversize input and excessive nesting are rejected with a
   * {@link DecodingException} naming {@code field} (with the index path, such as
   * {@code block[3][0]}).
   */
  public static RlpItem decode(byte[] input, String field) {
    RlpReader reader = RlpReader.of(input, field);
    RlpItem item = readItem(reader, field);
    reader.requireEnd(field);
    return item;
  }

  private static RlpItem readItem(RlpReader reader, String field) {
    if (!reader.nextIsList(field)) {
      return new RlpString(reader.readBytes(field));
    }
    RlpReader list = reader.readList(field);
    List<RlpItem> items = new ArrayList<>();
    while (list.hasNext()) {
      items.add(readItem(list, field + "[" + items.size() + "]"));
    }
    return new RlpList(items);
  }

  /** Minimal big-endian bytes of an unsigned scalar; zero gives an empty array. */
  static byte[] minimalBytes(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("rlp: negative scalar " + value);
    }
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bytes;
  }
}
