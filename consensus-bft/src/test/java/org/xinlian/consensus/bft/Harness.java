package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.Timeout;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.types.block.Block;

/**
 * One engine under test among validators the test plays by hand: keys 1..n (plus outsiders), the
 * engine holding key {@code self}, helpers to deliver signed messages and read what comes out.
 */
final class Harness {
  static final BftSettings SETTINGS = new BftSettings(50, 1_000, 3, 500);

  final CryptoSuite suite;
  final List<KeyPair> keys = new ArrayList<>();
  final ValidatorSet validators;
  final MessageCodec codec;
  final TestApplication application;
  final int self;
  ConsensusEngine engine;
  /**
   * Whether application work the engine asks for is done at once and answered within the same
   * call (the default); off, it waits in {@link #pendingWork} for the test to complete it.
   */
  boolean instantApplication = true;
  final List<ConsensusAction> pendingWork = new ArrayList<>();

  Harness(int validatorCount, int self) {
    this(CryptoSuites.standard(), validatorCount, self);
  }

  Harness(CryptoSuite suite, int validatorCount, int self) {
    this.suite = suite;
    for (int i = 1; i <= validatorCount + 2; i++) {
      byte[] scalar = new byte[32];
      scalar[31] = (byte) i;
      keys.add(suite.keyPairFromPrivateKey(scalar));
    }
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < validatorCount; i++) {
      addresses.add(address(i));
    }
    this.validators = ValidatorSet.equalPower(addresses);
    this.codec = MessageCodec.of(suite);
    this.application = new TestApplication(suite, validators);
    this.self = self;
    this.engine = BftEngines.create(SETTINGS, application, suite, keys.get(self), Optional.empty());
  }

  /** A harness whose engine validator {@code self} is not the proposer of height 1, round 0. */
  static Harness notProposing(int validatorCount) {
    Harness probe = new Harness(validatorCount, 0);
    int proposer = probe.proposerOf(1, 0);
    return new Harness(validatorCount, proposer == 0 ? 1 : 0);
  }

  Address address(int index) {
    return suite.address(keys.get(index).publicKey());
  }

  MessageSigner signer(int index) {
    return new MessageSigner(suite, keys.get(index));
  }

  int proposerOf(long height, int round) {
    Address proposer = validators.proposer(height, round);
    for (int i = 0; i < keys.size(); i++) {
      if (address(i).equals(proposer)) {
        return i;
      }
    }
    throw new AssertionError("no proposer");
  }

  /** Validator indexes other than the engine's and {@code excluded}, in order. */
  List<Integer> others(int... excluded) {
    List<Integer> others = new ArrayList<>();
    outer:
    for (int i = 0; i < validators.size(); i++) {
      if (i == self) {
        continue;
      }
      for (int e : excluded) {
        if (i == e) {
          continue outer;
        }
      }
      others.add(i);
    }
    return others;
  }

  List<ConsensusAction> start() {
    return handle(new ConsensusEvent.Start());
  }

  /**
   * Hands {@code event} to the engine; the actions it returns, followed by those of the answers to
   * its application work when that is instant.
   */
  List<ConsensusAction> handle(ConsensusEvent event) {
    List<ConsensusAction> all = new ArrayList<>(engine.handle(event));
    for (int i = 0; i < all.size(); i++) {
      ConsensusAction action = all.get(i);
      if (!instantApplication) {
        if (ApplicationWork.isWork(action)) {
          pendingWork.add(action);
        }
        continue;
      }
      Optional<ConsensusEvent> answer = ApplicationWork.carryOut(application, action);
      if (answer.isPresent()) {
        all.addAll(engine.handle(answer.get()));
      }
    }
    return all;
  }

  /** Completes the oldest application work the engine asked for and hands back its answer. */
  List<ConsensusAction> completeWork() {
    ConsensusAction work = pendingWork.remove(0);
    return handle(ApplicationWork.carryOut(application, work).orElseThrow());
  }

  List<ConsensusAction> deliver(int from, ConsensusMessage message) {
    return deliverBytes(from, codec.encode(message));
  }

  List<ConsensusAction> deliverBytes(int from, byte[] bytes) {
    return handle(new ConsensusEvent.MessageReceived(address(from), bytes));
  }

  List<ConsensusAction> timeout(long height, int round, TimeoutStep step) {
    return handle(new ConsensusEvent.TimeoutElapsed(new Timeout(height, round, step)));
  }

  /** A proposal of {@code block} for round 0 by that round's proposer. */
  Proposal proposal(long height, Block block) {
    return signer(proposerOf(height, 0))
        .proposal(height, 0, block, block.hash(suite), List.of(), List.of());
  }

  Hash hash(Block block) {
    return block.hash(suite);
  }

  EngineStatus status() {
    return engine.status();
  }

  /** The messages broadcast among {@code actions}, decoded. */
  List<ConsensusMessage> broadcasts(List<ConsensusAction> actions) {
    List<ConsensusMessage> messages = new ArrayList<>();
    for (ConsensusAction action : actions) {
      if (action instanceof ConsensusAction.Broadcast broadcast) {
        messages.add(codec.decode(broadcast.bytes()));
      }
    }
    return messages;
  }

  /** The last write-ahead state among {@code actions}. */
  static Optional<byte[]> lastPersisted(List<ConsensusAction> actions) {
    byte[] last = null;
    for (ConsensusAction action : actions) {
      if (action instanceof ConsensusAction.PersistState persist) {
        last = persist.state();
      }
    }
    return Optional.ofNullable(last);
  }

  static List<ConsensusAction.ScheduleTimeout> timeouts(List<ConsensusAction> actions, TimeoutStep step) {
    List<ConsensusAction.ScheduleTimeout> found = new ArrayList<>();
    for (ConsensusAction action : actions) {
      if (action instanceof ConsensusAction.ScheduleTimeout timeout && timeout.timeout().step() == step) {
        found.add(timeout);
      }
    }
    return found;
  }
}
