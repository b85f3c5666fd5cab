package org.xinlian.node.consensus;

import java.util.Optional;
import java.util.function.LongFunction;
import org.xinlian.common.Hash;
import org.xinlian.evm.StopSignal;
import org.xinlian.execution.CallRequest;
import org.xinlian.execution.CallResult;
import org.xinlian.execution.CommitResult;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.FinalizedBlock;
import org.xinlian.execution.GasEstimate;
import org.xinlian.execution.Proposal;
import org.xinlian.execution.ProposalRequest;
import org.xinlian.execution.ProposalVerdict;
import org.xinlian.execution.SystemParameters;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.types.block.Block;

/**
 * A test double: the real execution port, answering {@link #parametersAt} from a function, as a
 * chain whose governance changed its parameters would (GOV-15) before the contract exists. Only
 * for what reads the parameters; building and validation keep the port's own.
 */
final class ParametersOverride implements ExecutionPort {
  private final ExecutionPort port;
  private final LongFunction<SystemParameters> parameters;

  ParametersOverride(ExecutionPort port, LongFunction<SystemParameters> parameters) {
    this.port = port;
    this.parameters = parameters;
  }

  @Override
  public SystemParameters parametersAt(long height) {
    return parameters.apply(height);
  }

  @Override
  public Proposal prepareProposal(ProposalRequest request) {
    return port.prepareProposal(request);
  }

  @Override
  public ProposalVerdict processProposal(Block block, long timestampUpperBound) {
    return port.processProposal(block, timestampUpperBound);
  }

  @Override
  public FinalizedBlock finalizeBlock(Block block) {
    return port.finalizeBlock(block);
  }

  @Override
  public CommitResult commit(FinalizedBlock block, byte[] commitCertificate) {
    return port.commit(block, commitCertificate);
  }

  @Override
  public long pruneStateIfDue() {
    return port.pruneStateIfDue();
  }

  @Override
  public ValidatorHistory validatorHistory() {
    return port.validatorHistory();
  }

  @Override
  public Optional<java.util.List<org.xinlian.execution.governance.GovernanceRecords.Node>> governedNodes() {
    return port.governedNodes();
  }

  @Override
  public java.util.Optional<String> refuseSender(org.xinlian.common.Address sender, boolean creates) {
    return port.refuseSender(sender, creates);
  }

  @Override
  public CallResult call(CallRequest request, Optional<Hash> blockHash, StopSignal stop) {
    return port.call(request, blockHash, stop);
  }

  @Override
  public GasEstimate estimateGas(CallRequest request, Optional<Hash> blockHash, StopSignal stop) {
    return port.estimateGas(request, blockHash, stop);
  }
}
