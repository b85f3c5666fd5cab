package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.types.block.Block;

/**
 * A final block with the certificate that proves it, as a node that fell behind receives it:
 * it verifies the certificate against its validator set and commits without the round's votes.
 */
public record CommittedBlock(Block block, CommitCertificate certificate) {
  public CommittedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(certificate, "certificate");
  }
}
