package org.xinlian.consensus.message;

import java.util.List;
import java.util.Objects;
import org.xinlian.types.block.Block;

/**
 * The evidence behind a lock: the prepared block and a quorum of prepares for it in the prepared
 * round, which a round change carries so the next proposer can re-propose the block.
 */
public record PreparedCertificate(Block block, List<Vote> prepares) {
  public PreparedCertificate {
    Objects.requireNonNull(block, "preparedCertificate.block");
    prepares = List.copyOf(prepares);
  }
}
