package org.xinlian.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Hex;
import org.xinlian.storage.Namespace;

/** Collects mismatches up to the cap and counts every one. */
final class Findings {
  private final List<Mismatch> kept = new ArrayList<>();
  private long count;

  void add(long blockNumber, Namespace namespace, byte[] key, String problem) {
    count++;
    if (kept.size() < LedgerVerifier.MISMATCHES_MAX) {
      kept.add(new Mismatch(blockNumber, namespace.name(), Hex.encode(key), problem));
    }
  }

  long count() {
    return count;
  }

  List<Mismatch> kept() {
    return kept;
  }
}
