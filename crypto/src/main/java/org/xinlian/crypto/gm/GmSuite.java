package org.xinlian.crypto.gm;

/** Placeholder replaced by the suite implementation in the next commit. */
public final class GmSuite {
  public GmSuite() {
    throw new UnsupportedOperationException("gm suite not yet implemented");
  }
}
