package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.InvariantViolation;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.types.block.Block;

class BftEngineRestartTest {
  @Test
  @DisplayName("CONSENSUS-13: a validator restarted from its write-ahead state re-sends its prepare and never prepares another block in that round")
  void restartedValidatorNeverSignsTwice() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block first = harness.application.next((byte) 1);
    List<ConsensusAction> prepared = harness.deliver(proposer, harness.proposal(1, first));
    byte[] state = Harness.lastPersisted(prepared).orElseThrow();

    harness.engine = BftEngines.create(Harness.SETTINGS, harness.application, harness.suite,
        harness.keys.get(harness.self), Optional.of(state));
    List<ConsensusMessage> resent = harness.broadcasts(harness.start());
    assertEquals(List.of(harness.signer(harness.self).prepare(1, 0, harness.hash(first))), resent);

    Block second = harness.application.next((byte) 2);
    List<ConsensusAction> actions = harness.deliver(proposer, harness.proposal(1, second));
    assertTrue(harness.broadcasts(actions).isEmpty(), "no prepare for a second block in round 0");
  }

  /**
   * CONSENSUS-13, CONSENSUS-16, GOV-14: a node outside the height's set (an observer) started on a
   * validator's write-ahead state re-sends none of it, and it signs nothing for the proposal
   * after, even through the round's deadline and retransmission timer.
   */
  @Test
  @DisplayName("GOV-14: an observer started on a validator's write-ahead state sends no consensus message")
  void observerOnAValidatorsStateSendsNothing() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 1);
    byte[] state = Harness.lastPersisted(harness.deliver(proposer, harness.proposal(1, block))).orElseThrow();

    int observer = harness.validators.size();
    harness.engine = BftEngines.create(Harness.SETTINGS, harness.application, harness.suite,
        harness.keys.get(observer), Optional.of(state));
    List<ConsensusAction> actions = new java.util.ArrayList<>(harness.start());
    actions.addAll(harness.deliver(proposer, harness.proposal(1, block)));
    actions.addAll(harness.timeout(1, 0, TimeoutStep.RETRANSMIT));
    actions.addAll(harness.timeout(1, 0, TimeoutStep.ROUND));
    assertEquals(List.of(), harness.broadcasts(actions), "the observer broadcast nothing");
    assertTrue(Harness.lastPersisted(actions).isEmpty(), "and recorded nothing it signed");
    assertEquals(false, harness.status().validator());
  }

  /**
   * CONSENSUS-13: a validator whose data directory holds another key's write-ahead state (its node
   * key was replaced) does not repeat the other key's messages; it votes with its own key.
   */
  @Test
  @DisplayName("CONSENSUS-13: a write-ahead state signed by another key is not re-sent")
  void anotherKeysStateIsNotResent() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 1);
    byte[] state = Harness.lastPersisted(harness.deliver(proposer, harness.proposal(1, block))).orElseThrow();

    int other = harness.others(proposer).get(0);
    harness.engine = BftEngines.create(Harness.SETTINGS, harness.application, harness.suite,
        harness.keys.get(other), Optional.of(state));
    assertEquals(List.of(), harness.broadcasts(harness.start()));
    List<ConsensusMessage> prepared = harness.broadcasts(harness.deliver(proposer, harness.proposal(1, block)));
    assertEquals(List.of(harness.signer(other).prepare(1, 0, harness.hash(block))), prepared);
  }

  @Test
  @DisplayName("CONSENSUS-13: a restarted validator resumes in the round it recorded and keeps its round change")
  void restartResumesTheRecordedRound() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    harness.timeout(1, 0, TimeoutStep.ROUND);
    harness.timeout(1, 1, TimeoutStep.ROUND);
    List<ConsensusAction> third = harness.timeout(1, 2, TimeoutStep.ROUND);
    byte[] state = Harness.lastPersisted(third).orElseThrow();
    harness.engine = BftEngines.create(Harness.SETTINGS, harness.application, harness.suite,
        harness.keys.get(harness.self), Optional.of(state));
    List<ConsensusMessage> resent = harness.broadcasts(harness.start());
    assertEquals(3, harness.status().round());
    assertEquals(3, ((RoundChange) resent.get(0)).round());
  }

  @Test
  @DisplayName("CONSENSUS-13: a state for a height already committed is ignored; one ahead of the application stops the node")
  void staleAndAheadStates() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    byte[] roundOne = Harness.lastPersisted(harness.timeout(1, 0, TimeoutStep.ROUND)).orElseThrow();

    Harness committed = Harness.notProposing(4);
    committed.application.chain.add(committed.application.next((byte) 1));
    committed.application.certificates.add(null);
    ConsensusEngine stale = BftEngines.create(Harness.SETTINGS, committed.application,
        committed.suite, committed.keys.get(committed.self), Optional.of(roundOne));
    stale.handle(new ConsensusEvent.Start());
    assertEquals(2, stale.status().height());
    assertEquals(0, stale.status().round());

    PersistedStateCodec codec = new PersistedStateCodec(harness.suite);
    PersistedState recorded = codec.decode(roundOne);
    byte[] ahead = codec.encode(new PersistedState(5, recorded.round(), recorded.lock(),
        recorded.proposal(), recorded.prepare(), recorded.commit(), Optional.empty()));
    ConsensusEngine engine = BftEngines.create(Harness.SETTINGS, new Harness(4, 0).application,
        harness.suite, harness.keys.get(0), Optional.of(ahead));
    assertThrows(InvariantViolation.class, () -> engine.handle(new ConsensusEvent.Start()));
  }

  @Test
  @DisplayName("CONSENSUS-13: a damaged write-ahead state is refused at creation, naming the field")
  void damagedStateIsRefused() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    byte[] state = Harness.lastPersisted(harness.timeout(1, 0, TimeoutStep.ROUND)).orElseThrow();
    byte[] truncated = java.util.Arrays.copyOf(state, state.length - 3);
    DecodingException e = assertThrows(DecodingException.class, () -> BftEngines.create(
        Harness.SETTINGS, harness.application, harness.suite, harness.keys.get(0), Optional.of(truncated)));
    assertTrue(e.field().startsWith("consensusState"), e.field());
  }
}
