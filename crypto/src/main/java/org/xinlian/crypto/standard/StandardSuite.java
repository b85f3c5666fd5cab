package org.xinlian.crypto.standard;

/** Placeholder replaced by the suite implementation in the next commit. */
public final class StandardSuite {
  public StandardSuite() {
    throw new UnsupportedOperationException("standard suite not yet implemented");
  }
}
