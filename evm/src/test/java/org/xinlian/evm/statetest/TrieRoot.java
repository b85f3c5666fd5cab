package org.xinlian.evm.statetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xinlian.crypto.Keccak256;

/**
 * The root hash of a Merkle Patricia trie (Yellow Paper appendix D) built in one pass from all
 * key/value pairs, so the runner can check state roots before the persistent trie exists.
 */
final class TrieRoot {
  private TrieRoot() {}

  /** Root of the trie holding these (already hashed, for a secure trie) keys. */
  static byte[] root(Map<byte[], byte[]> entries) {
    TreeMap<String, byte[]> byPath = new TreeMap<>();
    for (Map.Entry<byte[], byte[]> entry : entries.entrySet()) {
      byPath.put(nibbles(entry.getKey()), entry.getValue());
    }
    List<String> paths = new ArrayList<>(byPath.keySet());
    List<byte[]> values = new ArrayList<>(byPath.values());
    byte[] node = paths.isEmpty() ? Rlp.bytes(new byte[0]) : node(paths, values, 0, paths.size(), 0);
    return Keccak256.hash(node);
  }

  private static String nibbles(byte[] key) {
    StringBuilder out = new StringBuilder();
    for (byte b : key) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }

  /** The RLP of the node for paths [from, to) that share the first {@code depth} nibbles. */
  private static byte[] node(List<String> paths, List<byte[]> values, int from, int to, int depth) {
    if (to - from == 1) {
      return Rlp.list(List.of(Rlp.bytes(hexPrefix(paths.get(from).substring(depth), true)),
          Rlp.bytes(values.get(from))));
    }
    String first = paths.get(from);
    String last = paths.get(to - 1);
    int common = depth;
    while (common < first.length() && first.charAt(common) == last.charAt(common)) {
      common++;
    }
    if (common > depth) {
      byte[] child = node(paths, values, from, to, common);
      return Rlp.list(List.of(Rlp.bytes(hexPrefix(first.substring(depth, common), false)), reference(child)));
    }
    List<byte[]> items = new ArrayList<>();
    int start = from;
    for (int nibble = 0; nibble < 16; nibble++) {
      char digit = Character.forDigit(nibble, 16);
      int end = start;
      while (end < to && paths.get(end).charAt(depth) == digit) {
        end++;
      }
      items.add(end == start ? Rlp.bytes(new byte[0]) : reference(node(paths, values, start, end, depth + 1)));
      start = end;
    }
    items.add(Rlp.bytes(new byte[0]));
    return Rlp.list(items);
  }

  /** Nodes shorter than 32 bytes are embedded; longer ones are referenced by hash. */
  private static byte[] reference(byte[] node) {
    return node.length < 32 ? node : Rlp.bytes(Keccak256.hash(node));
  }

  private static byte[] hexPrefix(String path, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (path.length() % 2);
    String prefixed = path.length() % 2 == 1 ? Integer.toHexString(flag) + path : Integer.toHexString(flag) + "0" + path;
    byte[] out = new byte[prefixed.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(prefixed.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
