package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.GovernanceContractTest.abi;
import static org.xinlian.execution.GovernanceContractTest.propose;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.Role;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * The rules of a permissioned chain with the real governance policy (GOV-8, GOV-9, GOV-11,
 * GOV-12), on both suites: who may send, who may deploy, and what a frozen contract does.
 */
class GovernanceAdmissionTest {
  /** Init code of a child whose runtime returns 42. */
  static final String CHILD_INIT = "69602a60005260206000f3600052600a6016f3";
  /** A factory: CREATE of the child, its address stored at slot 0, a revert when the creation failed. */
  static final byte[] FACTORY = HexFormat.of().parseHex("602c80600b6000396000f3"
      + "72" + CHILD_INIT + "600052" + "6013600d6000f0" + "8060005560" + "2a" + "57" + "60006000fd" + "5b00");
  /** A counter: every call adds one to slot 0. */
  static final byte[] COUNTER = HexFormat.of().parseHex("600980600b6000396000f3" + "6001600054016000" + "55");

  @TempDir Path directory;

  private static VerifiedTransaction deploy(GovernanceChain chain, int key, byte[] init) {
    return chain.a.sign(key, new UnsignedTransaction.Legacy(chain.a.nonce(chain.address(key)), BigInteger.ZERO,
        GovernanceChain.GAS, Optional.empty(), BigInteger.ZERO, init, OptionalLong.of(TestNode.CHAIN_ID)));
  }

  private static Address deployed(GovernanceChain chain, int key, byte[] init) {
    Address creator = chain.address(key);
    long nonce = chain.a.nonce(creator);
    Receipt receipt = chain.produce(List.of(deploy(chain, key, init))).receipts().get(0);
    assertTrue(receipt.success());
    return org.xinlian.evm.interpreter.ContractAddresses.create(creator, nonce);
  }

  /**
   * GOV-8: an account without a role is refused by the pool's question to the port, and a block
   * a Byzantine proposer builds with its transaction is rejected by an honest node with the
   * position and the reason; a user may transact but not deploy, an operator may deploy.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void unadmittedSendersAreRefusedEverywhere(String suite) throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, suite);
        TestNode byzantine = chain.byzantine()) {
      Address outsider = chain.address(GovernanceChain.OUTSIDER);
      assertEquals(Optional.of("sender " + outsider + " is not admitted"), chain.a.port.refuseSender(outsider, false));
      assertEquals(Optional.of("sender " + chain.address(GovernanceChain.USER)
          + " may not deploy contracts (it lacks the operator role)"),
          chain.a.port.refuseSender(chain.address(GovernanceChain.USER), true));
      assertEquals(Optional.empty(), chain.a.port.refuseSender(chain.address(GovernanceChain.OPERATOR), true));

      VerifiedTransaction smuggled = chain.transaction(GovernanceChain.OUTSIDER, chain.address(0), new byte[0]);
      Proposal honest = chain.a.port.prepareProposal(chain.a.request(List.of(smuggled)));
      assertEquals("sender " + outsider + " is not admitted", honest.skipped().get(0).reason());
      Proposal forged = byzantine.port.prepareProposal(byzantine.request(List.of(smuggled)));
      assertEquals(1, forged.block().transactions().size(), "the Byzantine proposer includes it");
      ProposalVerdict verdict = chain.b.port.processProposal(forged.block(), forged.block().header().timestamp());
      assertEquals(Optional.of("transactions.0 (" + smuggled.hash() + "): sender " + outsider + " is not admitted"),
          verdict.rejection());

      chain.passed(propose(ProposalKind.GRANT_ROLE, abi(outsider), Role.USER.code(), "org2"));
      assertEquals(Optional.empty(), chain.a.port.refuseSender(outsider, false), "admitted by the vote");
      assertTrue(chain.send(GovernanceChain.OUTSIDER, chain.address(0), new byte[0]).success());
    }
  }

  /**
   * GOV-9: deploy rights are checked on msg.sender. A user calling a factory gets nothing until the
   * factory holds the operator role; then the same call deploys a child.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void factoryWithOperatorRoleDeploys(String suite) throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, suite)) {
      Address factory = deployed(chain, GovernanceChain.OPERATOR, FACTORY);
      Receipt refused = chain.send(GovernanceChain.USER, factory, new byte[0]);
      assertFalse(refused.success(), "the factory holds no operator role: its CREATE fails and it reverts");
      chain.passed(propose(ProposalKind.GRANT_ROLE, abi(factory), Role.OPERATOR.code(), "org1"));
      assertTrue(chain.send(GovernanceChain.USER, factory, new byte[0]).success());
      UInt256 child = chain.a.states.stateAt(chain.a.head().stateRoot()).storage(factory, UInt256.ZERO);
      Address childAddress = Address.wrap(java.util.Arrays.copyOfRange(child.toBytes(), 12, 32));
      assertEquals(org.xinlian.evm.interpreter.ContractAddresses.create(factory, 1), childAddress);
      assertEquals(10, chain.a.states.stateAt(chain.a.head().stateRoot()).code(childAddress).length);
    }
  }

  /**
   * GOV-12: a frozen contract's transactions revert while eth_call still runs it; unfreezing lifts
   * it; abolishing is final. GOV-11: a frozen account may not send.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void frozenContractRevertsAndStaysReadable(String suite) throws Exception {
    try (GovernanceChain chain = new GovernanceChain(directory, suite)) {
      Address counter = deployed(chain, GovernanceChain.OPERATOR, COUNTER);
      assertTrue(chain.send(GovernanceChain.USER, counter, new byte[0]).success());
      chain.passed(propose(ProposalKind.FREEZE_CONTRACT, abi(counter), "court order 12"));
      Receipt frozen = chain.send(GovernanceChain.USER, counter, new byte[0]);
      assertFalse(frozen.success());
      assertEquals(UInt256.ONE, slot(chain, counter), "the frozen call changed nothing");
      CallResult read = chain.a.port.call(CallRequest.of(chain.address(GovernanceChain.USER), counter, new byte[0]),
          Optional.empty());
      assertEquals(CallResult.Status.SUCCESS, read.status(), "eth_call still runs a frozen contract");

      chain.passed(propose(ProposalKind.UNFREEZE_CONTRACT, abi(counter), "lifted"));
      assertTrue(chain.send(GovernanceChain.USER, counter, new byte[0]).success());
      assertEquals(UInt256.fromLong(2), slot(chain, counter));

      chain.passed(propose(ProposalKind.ABOLISH_CONTRACT, abi(counter), "retired"));
      assertFalse(chain.send(GovernanceChain.USER, counter, new byte[0]).success());
      chain.refused(0, propose(ProposalKind.UNFREEZE_CONTRACT, abi(counter), "again"),
          "payload.account: contract " + counter + " is abolished");

      Address user = chain.address(GovernanceChain.USER);
      chain.passed(propose(ProposalKind.FREEZE_ACCOUNT, abi(user), "lost key"));
      assertEquals(Optional.of("sender " + user + " is frozen"), chain.a.port.refuseSender(user, false));
    }
  }

  private static UInt256 slot(GovernanceChain chain, Address contract) {
    return chain.a.states.stateAt(chain.a.head().stateRoot()).storage(contract, UInt256.ZERO);
  }
}
