package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.GovernanceContractTest.abi;
import static org.xinlian.execution.GovernanceContractTest.proposal;
import static org.xinlian.execution.GovernanceContractTest.propose;
import static org.xinlian.execution.GovernanceContractTest.proposed;
import static org.xinlian.execution.GovernanceContractTest.vote;

import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.NodeRole;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalStatus;
import org.xinlian.execution.governance.Role;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorGovernance;

/** Organisation admins, nodes, parameters and the contract's limits (GOV-2, GOV-10, GOV-14, GOV-15, GOV-20). */
class GovernanceMembershipTest {
  static final Function ADMIT = Function.parse("admitUser(address)");
  static final Function REMOVE = Function.parse("removeUser(address)");
  static final Function PARAMETER = Function.parse("parameter(string)", "(uint256,uint256,uint64)");

  @TempDir Path directory;

  /** GOV-10: an org admin admits users of its organisation up to the quota (org2's is 1), without a vote. */
  @Test
  void orgAdminsAdmitWithinTheQuota() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      Address first = chain.address(8);
      Address second = chain.address(9);
      chain.refused(GovernanceChain.USER, ADMIT.encodeCallWithArgs(abi(first)).array(),
          "sender: " + chain.address(GovernanceChain.USER) + " is not an organisation admin");
      chain.refused(GovernanceChain.ORG_ADMIN, ADMIT.encodeCallWithArgs(abi(chain.address(GovernanceChain.OPERATOR))).array(),
          "account: " + chain.address(GovernanceChain.OPERATOR) + " belongs to org1, not org2");
      chain.ok(GovernanceChain.ORG_ADMIN, ADMIT.encodeCallWithArgs(abi(first)).array());
      GovernanceRecords.Account admitted = chain.state().account(first);
      assertTrue(admitted.admitted() && admitted.holds(Role.USER));
      assertEquals("org2", admitted.organisation());
      chain.refused(GovernanceChain.ORG_ADMIN, ADMIT.encodeCallWithArgs(abi(second)).array(),
          "account: org2 has admitted 1 users, its quota");
      chain.ok(GovernanceChain.ORG_ADMIN, REMOVE.encodeCallWithArgs(abi(first)).array());
      assertFalse(chain.state().account(first).admitted());
      chain.ok(GovernanceChain.ORG_ADMIN, ADMIT.encodeCallWithArgs(abi(second)).array());
      assertEquals(1, chain.state().organisation("org2").orElseThrow().users());
    }
  }

  /**
   * GOV-14, GOV-2: ADD_VALIDATOR schedules a validator epoch two heights after it executes, which
   * the commit reports (CONSENSUS-16); ADD_OBSERVER and REMOVE_NODE record the node; the raw update
   * of ADR 0009 is refused on a permissioned chain.
   */
  @Test
  void nodeChangesScheduleEpochs() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      Address node = chain.address(8);
      long add = proposed(chain, 0, propose(ProposalKind.ADD_VALIDATOR, abi(node), "org2"));
      chain.ok(0, vote(add, Choice.FOR));
      chain.ok(1, vote(add, Choice.FOR));
      assertEquals(ProposalStatus.OPEN, proposal(chain, add).status(), "2 of 3 is below 6667 bps");
      GovernanceChain.Committed passing = chain.produce(List.of(chain.transaction(2, Governance.ADDRESS,
          vote(add, Choice.FOR))));
      long executedAt = passing.result().number();
      ValidatorEpoch epoch = passing.result().validatorChange().orElseThrow();
      assertEquals(executedAt + 2, epoch.activationHeight());
      assertEquals(List.of(chain.address(8), chain.address(9)).stream().sorted().toList(), epoch.validators());
      assertEquals(NodeRole.VALIDATOR, chain.state().nodes().get(1).role());

      long observer = proposed(chain, 0, propose(ProposalKind.ADD_OBSERVER, abi(chain.address(7)), "org1"));
      for (int governor = 0; governor < 3; governor++) {
        chain.ok(governor, vote(observer, Choice.FOR));
      }
      assertEquals(NodeRole.OBSERVER, chain.state().nodes().get(2).role());

      byte[] raw = new byte[] {(byte) 0xc0};
      assertEquals("validators change by governance proposal on this chain (ADD_VALIDATOR, REMOVE_NODE at "
          + Governance.ADDRESS + ")", ValidatorGovernance.revertReason(chain.a.port.call(
              CallRequest.of(chain.address(0), ValidatorGovernance.ADDRESS, raw), Optional.empty()).output()).orElseThrow());

      long remove = proposed(chain, 1, propose(ProposalKind.REMOVE_NODE, abi(chain.address(9))));
      for (int governor = 0; governor < 3; governor++) {
        chain.ok(governor, vote(remove, Choice.FOR));
      }
      assertEquals(ProposalStatus.EXECUTED, proposal(chain, remove).status());
      assertEquals(List.of(node), chain.a.port.validatorHistory().latest().validators());
      assertEquals(NodeRole.REMOVED, chain.state().nodes().get(0).role());
    }
  }

  /** GOV-15: a parameter change is scheduled at its height and the view shows it pending until then. */
  @Test
  void parametersAreScheduled() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      assertEquals(TestNode.BLOCK_GAS_LIMIT, chain.state().parameter(SystemParameters.Key.blockGasLimit).value());
      assertEquals(SystemParameters.MAX_TRANSACTIONS_PER_BLOCK_DEFAULT,
          chain.state().parameter(SystemParameters.Key.maxTransactionsPerBlock).value());
      long activation = chain.height() + 10;
      long id = proposed(chain, 0, propose(ProposalKind.SET_PARAMETER, "blockGasLimit",
          BigInteger.valueOf(40_000_000), BigInteger.valueOf(activation)));
      chain.ok(0, vote(id, Choice.FOR));
      chain.ok(1, vote(id, Choice.FOR));
      GovernanceRecords.Parameter scheduled = chain.state().parameter(SystemParameters.Key.blockGasLimit);
      assertEquals(new GovernanceRecords.Parameter("blockGasLimit", TestNode.BLOCK_GAS_LIMIT, 40_000_000, activation),
          scheduled);
      assertEquals(TestNode.BLOCK_GAS_LIMIT, scheduled.valueAt(activation - 1));
      assertEquals(40_000_000, scheduled.valueAt(activation));
      Tuple view = chain.view(PARAMETER, "blockGasLimit");
      assertEquals(BigInteger.valueOf(40_000_000), view.get(1));
      chain.refused(0, propose(ProposalKind.SET_PARAMETER, "blockGasLimit", BigInteger.valueOf(50_000_000),
          BigInteger.valueOf(activation + 5)), "payload.key: blockGasLimit already changes to 40000000 at height "
          + activation + "; a new change waits until then");
      assertEquals(TestNode.BLOCK_GAS_LIMIT, chain.a.port.parametersAt(chain.height() + 1).blockGasLimit());
      // Every node builds and requires the new limit from the named height on (EXECUTION-16).
      while (chain.height() < activation) {
        chain.produce(List.of());
      }
      assertEquals(TestNode.BLOCK_GAS_LIMIT, chain.a.blocks.header(activation - 1).orElseThrow().gasLimit());
      assertEquals(40_000_000, chain.a.blocks.header(activation).orElseThrow().gasLimit());
      assertEquals(40_000_000, chain.b.port.parametersAt(activation + 1).blockGasLimit());
      chain.refused(0, propose(ProposalKind.SET_PARAMETER, "gasPrice", BigInteger.ONE, BigInteger.valueOf(activation)),
          "payload.key: \"gasPrice\" is not a system parameter (blockGasLimit, maxTransactionsPerBlock, "
              + "blockIntervalMs, transactionGasLimit, roundTimeoutMs)");
    }
  }

  /**
   * GOV-20: a proposal estimated on the genesis head fits in the gas estimated, although its
   * height fields are zero there and written for the first time in block 1.
   */
  @Test
  void anEstimateOnTheGenesisHeadIsEnough() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      byte[] proposal = propose(ProposalKind.GRANT_ROLE, abi(chain.address(8)), Role.USER.code(), "org1");
      long estimate = chain.a.port.estimateGas(CallRequest.of(chain.address(0), Governance.ADDRESS, proposal),
          Optional.empty()).gasLimit();
      assertEquals(0, chain.height());
      var signed = chain.a.sign(0, new org.xinlian.types.transaction.UnsignedTransaction.Legacy(0, BigInteger.ZERO,
          estimate, Optional.of(Governance.ADDRESS), BigInteger.ZERO, proposal, OptionalLong.of(TestNode.CHAIN_ID)));
      assertTrue(chain.produce(List.of(signed)).receipts().get(0).success(), "estimate " + estimate);
    }
  }

  /** GOV-20, GOV-2: calls are bounded, priced and must be plain calls without value. */
  @Test
  void limitsAndGas() throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, "standard")) {
      byte[] proposal = propose(ProposalKind.GRANT_ROLE, abi(chain.address(8)), Role.USER.code(), "org1");
      for (int i = 0; i < Governance.OPEN_PROPOSALS_PER_PROPOSER_MAX; i++) {
        chain.ok(0, proposal);
      }
      chain.refused(0, proposal, "proposer: " + chain.address(0) + " already has 16 open proposals");
      chain.ok(1, proposal);

      CallResult starved = chain.a.port.call(new CallRequest(Optional.of(chain.address(0)),
          Optional.of(Governance.ADDRESS), OptionalLong.of(40_000), BigInteger.ZERO, proposal, BigInteger.ZERO),
          Optional.empty());
      assertEquals(CallResult.Status.HALTED, starved.status(), "a proposal costs more than 40,000 gas");
      GasEstimate estimate = chain.a.port.estimateGas(CallRequest.of(chain.address(2), Governance.ADDRESS,
          propose(ProposalKind.GRANT_ROLE, abi(chain.address(8)), Role.OPERATOR.code(), "org1")), Optional.empty());
      assertTrue(estimate.gasLimit() > 100_000 && estimate.gasLimit() < 1_000_000, "estimate " + estimate);

      CallResult valued = chain.a.port.call(new CallRequest(Optional.of(chain.address(0)),
          Optional.of(Governance.ADDRESS), OptionalLong.empty(), BigInteger.ONE, proposal, BigInteger.ZERO),
          Optional.empty());
      assertEquals("value: the governance contract accepts no value",
          ValidatorGovernance.revertReason(valued.output()).orElseThrow());
      byte[] huge = new byte[Governance.CALL_INPUT_BYTES_MAX + 1];
      huge[0] = 1;
      assertEquals("input: 32769 bytes, more than 32768", chain.reason(0, huge));
      assertEquals("input: unknown function selector 0x01000000", chain.reason(0, new byte[] {1, 0, 0, 0}));
    }
  }
}
