package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * What the engine asks {@link Application#prepareProposal} to build.
 *
 * @param height the new block's number
 * @param round the round it is proposed in, for the application's logs and metrics only
 * @param parentHash the last committed block, which the new block must extend
 * @param proposer this node's validator address, the block's proposer field
 */
public record ProposalRequest(long height, int round, Hash parentHash, Address proposer) {
  public ProposalRequest {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(proposer, "proposer");
  }
}
