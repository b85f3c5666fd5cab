package org.xinlian.types.rlp;

import java.util.List;

/** A decoded RLP value: a byte string or a list of items. */
public sealed interface RlpItem permits RlpItem.Bytes, RlpItem.ListItem {
  /** A byte string; the array is not copied, callers must not modify it. */
  record Bytes(byte[] value) implements RlpItem {}

  /** A list of items. */
  record ListItem(List<RlpItem> items) implements RlpItem {
    public ListItem {
      items = List.copyOf(items);
    }
  }
}
