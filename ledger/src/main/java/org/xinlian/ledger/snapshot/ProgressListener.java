package org.xinlian.ledger.snapshot;

/**
 * Told about progress after every account (and every few thousand slots of a large one). It is
 * called often and must be cheap; a user interface decides itself how often to redraw, because
 * only it may read the clock.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = progress -> {};

  void onProgress(SnapshotProgress progress);
}
