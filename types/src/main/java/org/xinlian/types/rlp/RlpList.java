package org.xinlian.types.rlp;

import java.util.List;

/** An RLP list of items. */
public record RlpList(List<RlpItem> items) implements RlpItem {
  public RlpList {
    items = List.copyOf(items);
  }
}
