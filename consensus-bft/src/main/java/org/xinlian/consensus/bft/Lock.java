package org.xinlian.consensus.bft;

import java.util.Objects;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.message.PreparedCertificate;

/**
 * A validator's lock at one height: the latest round in which it saw a quorum of prepares for
 * the block it then committed to, with that evidence. It is persisted before the commit vote
 * leaves and reported in every later round change, so no later proposal can drop the block
 * (CONSENSUS-11).
 */
record Lock(PreparedRound prepared, PreparedCertificate certificate) {
  Lock {
    Objects.requireNonNull(prepared, "prepared");
    Objects.requireNonNull(certificate, "certificate");
  }
}
