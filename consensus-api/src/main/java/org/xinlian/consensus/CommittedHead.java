package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Hash;

/** The last committed block's height and hash: where the engine resumes. */
public record CommittedHead(long height, Hash blockHash) {
  public CommittedHead {
    if (height < 0) {
      throw new IllegalArgumentException("committedHead.height: must not be negative");
    }
    Objects.requireNonNull(blockHash, "committedHead.blockHash");
  }
}
