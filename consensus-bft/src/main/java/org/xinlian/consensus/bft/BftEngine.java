package org.xinlian.consensus.bft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.CertificateVerdict;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.CommittedHead;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.ConsensusLimits;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.Timeout;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.CommitRequest;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.DecidedBlock;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;

/**
 * The engine around {@link QbftRules}: decodes and authenticates what arrives, buffers the near
 * future, answers and asks for decided blocks, keeps the write-ahead state ahead of every signed
 * message, commits decisions through the application and moves to the next height. Everything
 * happens inside {@link #handle}; nothing runs between calls.
 */
final class BftEngine implements ConsensusEngine, EngineContext {
  private final BftSettings settings;
  private final Application application;
  private final CryptoSuite suite;
  private final MessageSigner signer;
  private final MessageCodec codec;
  private final PersistedStateCodec stateCodec;
  private final Justifications justifications;
  private final QbftRules rules;
  private final EngineCounters counters = new EngineCounters();
  private final SeenMessages seen = new SeenMessages();
  private final FutureMessages future = new FutureMessages();
  private final CatchUp catchUp = new CatchUp();
  private final ArrayDeque<ConsensusMessage> ownMessages = new ArrayDeque<>();
  private final Optional<PersistedState> restored;
  private ValidatorSchedule schedule;
  /** The configured settings as the application timed the current height (CONSENSUS-23). */
  private BftSettings heightSettings;
  private CommittedHead committed;
  private Height height;
  private List<ConsensusAction> actions = new ArrayList<>();

  BftEngine(BftSettings settings, Application application, CryptoSuite suite, MessageSigner signer,
      Optional<PersistedState> restored) {
    this.settings = settings;
    this.heightSettings = settings;
    this.application = application;
    this.suite = suite;
    this.signer = signer;
    this.codec = MessageCodec.of(suite);
    this.stateCodec = new PersistedStateCodec(suite);
    this.justifications = new Justifications(suite);
    this.rules = new QbftRules(this);
    this.restored = restored;
  }

  @Override
  public List<ConsensusAction> handle(ConsensusEvent event) {
    actions = new ArrayList<>();
    if (height == null) {
      start();
    }
    if (event instanceof ConsensusEvent.MessageReceived received) {
      counters.messagesReceived++;
      receive(received.from(), received.bytes());
    } else if (event instanceof ConsensusEvent.TimeoutElapsed elapsed) {
      onTimeout(elapsed.timeout());
    } else if (event instanceof ConsensusEvent.BlockBuilt built) {
      rules.onBlockBuilt(height, built.request(), built.block());
    } else if (event instanceof ConsensusEvent.BlockExecuted executed) {
      onBlockExecuted(executed);
    } else if (event instanceof ConsensusEvent.BlockCommitted committedEvent) {
      onBlockCommitted(committedEvent);
    }
    settle();
    List<ConsensusAction> result = actions;
    actions = new ArrayList<>();
    return result;
  }

  @Override
  public EngineStatus status() {
    if (height == null) {
      return new EngineStatus(0, 0, OptionalInt.empty(), false, 0, 0, 0, counters.dropped(),
          counters.deadlinesDeferred);
    }
    OptionalInt locked = height.lock == null
        ? OptionalInt.empty() : OptionalInt.of(height.lock.prepared().round());
    return new EngineStatus(height.number, height.round, locked, height.validator,
        counters.blocksCommitted, counters.roundChanges, counters.messagesReceived,
        counters.dropped(), counters.deadlinesDeferred);
  }

  private void start() {
    committed = application.lastCommitted();
    long next = committed.height() + 1;
    schedule = new ValidatorSchedule(committed.height(), application.validatorSet(next),
        application.validatorSet(next + 1));
    Optional<PersistedState> resume = restored.filter(state -> state.height() == next);
    restored.ifPresent(state -> Invariants.check(state.height() <= next,
        "the write-ahead state is at height %d but the application has committed only %d",
        state.height(), committed.height()));
    enterHeight(resume);
  }

  /** Starts the height after the committed one, resuming the write-ahead state when it is for it. */
  private void enterHeight(Optional<PersistedState> resume) {
    long number = committed.height() + 1;
    heightSettings = application.heightTiming(number).map(settings::forHeight).orElse(settings);
    height = new Height(number, schedule.at(number), signer.address(), committed.blockHash());
    catchUp.retainPeers(height.validators::contains);
    resume.ifPresent(this::restore);
    rules.scheduleRound(height);
    if (height.round == 0 && height.validator && height.current().sentProposal == null
        && signer.address().equals(height.validators.proposer(number, 0))) {
      schedule(new Timeout(number, 0, TimeoutStep.PROPOSAL_DELAY), heightSettings.proposalDelayMillis());
    }
    for (FutureMessages.Buffered buffered : future.take(number)) {
      routeCurrent(buffered.id(), buffered.message());
    }
    requestCatchUp();
  }

  /**
   * Resumes the round, lock and signed messages recorded before a restart, and re-sends them. A
   * record this node cannot own is ignored (CONSENSUS-13, GOV-14): a node outside the height's
   * set (an observer) sends no consensus message, and messages another key signed (a data
   * directory reused under a new node key) are not this node's to repeat.
   */
  private void restore(PersistedState state) {
    if (!height.validator || !signedBySelf(state)) {
      return;
    }
    height.restoreRound(state.round());
    height.lock = state.lock().orElse(null);
    Round round = height.current();
    round.sentProposal = state.proposal().orElse(null);
    round.sentPrepare = state.prepare().orElse(null);
    round.sentCommit = state.commit().orElse(null);
    round.sentRoundChange = state.roundChange().orElse(null);
    for (ConsensusMessage message : round.sent()) {
      actions.add(new ConsensusAction.Broadcast(codec.encode(message)));
      ownMessages.add(message);
    }
  }

  private boolean signedBySelf(PersistedState state) {
    List<Optional<Address>> authors = new ArrayList<>();
    state.proposal().ifPresent(proposal ->
        authors.add(justifications.signer(proposal, proposal.block().hash(suite))));
    state.prepare().ifPresent(vote -> authors.add(justifications.signer(vote)));
    state.commit().ifPresent(vote -> authors.add(justifications.signer(vote)));
    state.roundChange().ifPresent(change -> authors.add(justifications.signer(change.signed())));
    Address self = signer.address();
    return authors.stream().allMatch(author -> author.filter(self::equals).isPresent());
  }

  /**
   * Handles this validator's own messages until none is left, then hands a decision to the
   * application to commit; the next height starts when the commit is done.
   */
  private void settle() {
    while (!height.decided()) {
      ConsensusMessage own = ownMessages.poll();
      if (own == null) {
        return;
      }
      if (own.height() == height.number) {
        Hash blockHash = own instanceof Proposal proposal ? proposal.block().hash(suite) : null;
        dispatch(own, signer.address(), blockHash);
      }
    }
    if (!height.commitRequested) {
      height.commitRequested = true;
      actions.add(new ConsensusAction.CommitBlock(height.decision));
    }
  }

  /** The decided block is durable: move to the next height (CONSENSUS-10, CONSENSUS-20). */
  private void onBlockCommitted(ConsensusEvent.BlockCommitted event) {
    Invariants.check(height.commitRequested && event.height() == height.number
            && event.blockHash().equals(height.decision.certificate().blockHash()),
        "commit of block %d %s reported, but the engine asked for %d", event.height(),
        event.blockHash(), height.number);
    CommittedBlock decision = height.decision;
    catchUp.decided(decision);
    schedule.committed(height.number, event.outcome().validatorSetUpdate());
    committed = new CommittedHead(height.number, decision.certificate().blockHash());
    counters.blocksCommitted++;
    ownMessages.clear();
    enterHeight(Optional.empty());
  }

  /** A verdict for this height: proposals, deadlines and decided blocks waiting for it move on. */
  private void onBlockExecuted(ConsensusEvent.BlockExecuted event) {
    if (event.height() != height.number || height.decided()) {
      return;
    }
    boolean accepted = event.verdict().accepted();
    rules.onBlockExecuted(height, event.blockHash(), accepted);
    CommittedBlock waiting = height.pendingDecisions.remove(event.blockHash());
    if (waiting != null && !height.decided()) {
      if (accepted) {
        height.decision = waiting;
      } else {
        counters.drop(DropReason.INVALID_BLOCK);
      }
    }
  }

  private void receive(Address from, byte[] bytes) {
    if (bytes.length > ConsensusLimits.MESSAGE_BYTES_MAX) {
      counters.drop(DropReason.MALFORMED);
      return;
    }
    Hash id = suite.hashOf(bytes);
    if (seen.contains(id)) {
      counters.drop(DropReason.DUPLICATE);
      return;
    }
    ConsensusMessage message;
    try {
      message = codec.decode(bytes);
    } catch (DecodingException e) {
      counters.drop(DropReason.MALFORMED);
      seen.add(id);
      return;
    }
    if (message instanceof CommitRequest request) {
      answer(from, request.height(), true);
    } else if (message instanceof DecidedBlock decided) {
      onDecidedBlock(id, from, decided.committed());
    } else if (message.height() < height.number) {
      counters.drop(DropReason.STALE);
      answer(from, message.height(), false);
    } else if (message.height() > height.number) {
      onFutureMessage(id, from, message);
    } else if (height.decided()) {
      // Decided, the commit under way: the round's messages can change nothing any more.
      counters.drop(DropReason.STALE);
    } else {
      routeCurrent(id, message);
    }
  }

  /** Authenticates a message of the current height and hands it to the rules. */
  private void routeCurrent(Hash id, ConsensusMessage message) {
    Hash blockHash = null;
    Optional<Address> author;
    int round;
    if (message instanceof Proposal proposal) {
      blockHash = proposal.block().hash(suite);
      author = justifications.signer(proposal, blockHash);
      round = proposal.round();
    } else if (message instanceof Vote vote) {
      author = justifications.signer(vote);
      round = vote.round();
    } else {
      RoundChange change = (RoundChange) message;
      author = justifications.signer(change.signed());
      round = 0;
    }
    if (author.isEmpty()) {
      counters.drop(DropReason.BAD_SIGNATURE);
      seen.add(id);
      return;
    }
    if (!height.validators.contains(author.get())) {
      counters.drop(DropReason.NOT_A_VALIDATOR);
      seen.add(id);
      return;
    }
    if (author.get().equals(signer.address())) {
      // This validator's own message echoed back: it already holds what it signed (or chose to
      // forget it with an earlier round), and must not take it for someone else's evidence.
      counters.drop(DropReason.DUPLICATE);
      seen.add(id);
      return;
    }
    if (round <= height.round + Height.ROUNDS_AHEAD_MAX) {
      // Beyond the look-ahead the message is dropped now but must count when it is sent again.
      seen.add(id);
    }
    dispatch(message, author.get(), blockHash);
  }

  private void dispatch(ConsensusMessage message, Address author, Hash blockHash) {
    if (message instanceof Proposal proposal) {
      rules.onProposal(height, proposal, blockHash, author);
    } else if (message instanceof Vote vote) {
      rules.onVote(height, vote, author);
    } else if (message instanceof RoundChange change) {
      rules.onRoundChange(height, change, author);
    }
  }

  private void onFutureMessage(Hash id, Address from, ConsensusMessage message) {
    if (height.validators.contains(from)) {
      catchUp.peerAt(from, message.height());
    }
    if (message.height() > height.number + FutureMessages.FUTURE_HEIGHTS_MAX) {
      counters.drop(DropReason.HEIGHT_TOO_FAR_AHEAD);
    } else if (!future.add(id, from, message)) {
      counters.drop(DropReason.FUTURE_BUFFER_FULL);
    }
    requestCatchUp();
  }

  /** A decided block for the current height commits it once its certificate verifies (CONSENSUS-12). */
  private void onDecidedBlock(Hash id, Address from, CommittedBlock decided) {
    long decidedHeight = decided.certificate().height();
    if (decidedHeight != height.number) {
      if (decidedHeight > height.number && height.validators.contains(from)) {
        catchUp.peerAt(from, decidedHeight + 1);
        requestCatchUp();
      }
      counters.drop(decidedHeight < height.number ? DropReason.STALE : DropReason.HEIGHT_TOO_FAR_AHEAD);
      return;
    }
    seen.add(id);
    if (height.decided()) {
      return;
    }
    Block block = decided.block();
    CertificateVerdict verdict =
        decided.certificate().verifyFor(block.header(), height.validators, suite);
    if (!verdict.isValid()) {
      counters.drop(DropReason.INVALID_CERTIFICATE);
      return;
    }
    if (!application.bodyMatchesHeader(block)) {
      counters.drop(DropReason.INVALID_BLOCK);
      return;
    }
    Hash blockHash = decided.certificate().blockHash();
    switch (rules.verdict(height, block, blockHash)) {
      case ACCEPTED -> height.decision = decided;
      case PENDING -> height.pendingDecisions.putIfAbsent(blockHash, decided);
      case OVER_LIMIT -> counters.drop(DropReason.EXECUTION_LIMIT);
      case REJECTED -> counters.drop(DropReason.INVALID_BLOCK);
    }
  }

  /** Sends a peer the decided block of {@code requested}, within the answer budget. */
  private void answer(Address peer, long requested, boolean explicit) {
    if (requested >= height.number) {
      if (explicit) {
        counters.drop(DropReason.STALE);
      }
      return;
    }
    if (!catchUp.mayAnswer(peer, requested)) {
      if (explicit) {
        counters.drop(DropReason.RATE_LIMITED);
      }
      return;
    }
    catchUp.retained(requested)
        .or(() -> application.committedBlock(requested))
        .ifPresent(block -> actions.add(
            new ConsensusAction.SendTo(peer, codec.encode(new DecidedBlock(block)))));
  }

  private void requestCatchUp() {
    catchUp.requestFor(height.number).ifPresent(peer -> actions.add(
        new ConsensusAction.SendTo(peer, codec.encode(new CommitRequest(height.number)))));
  }

  private void onTimeout(Timeout timeout) {
    if (timeout.height() != height.number || height.decided()) {
      return;
    }
    switch (timeout.step()) {
      case PROPOSAL_DELAY -> rules.proposeFirst(height);
      case ROUND -> rules.onRoundTimeout(height, timeout.round());
      case RETRANSMIT -> {
        if (timeout.round() == height.round) {
          for (ConsensusMessage message : height.current().sent()) {
            actions.add(new ConsensusAction.Broadcast(codec.encode(message)));
          }
          catchUp.newPeriod();
          requestCatchUp();
          schedule(timeout, heightSettings.retransmitIntervalMillis());
        }
      }
    }
  }

  @Override
  public void sendSigned(ConsensusMessage message) {
    // The rules sign only as a validator of the height; should that ever fail, the node stops
    // rather than let a node outside the set (an observer, GOV-14) send a vote.
    Invariants.check(height.validator, "node %s is not a validator of height %d and must not sign",
        signer.address(), height.number);
    Invariants.check(height.current().sent().contains(message),
        "a signed message must be recorded in the write-ahead state before it is sent");
    actions.add(new ConsensusAction.PersistState(stateCodec.encode(height.persisted())));
    actions.add(new ConsensusAction.Broadcast(codec.encode(message)));
    ownMessages.add(message);
  }

  @Override
  public void schedule(Timeout timeout, long durationMillis) {
    actions.add(new ConsensusAction.ScheduleTimeout(timeout, durationMillis));
  }

  @Override
  public void askApplication(ConsensusAction action) {
    actions.add(action);
  }

  @Override
  public CryptoSuite suite() {
    return suite;
  }

  @Override
  public Application application() {
    return application;
  }

  @Override
  public MessageSigner signer() {
    return signer;
  }

  @Override
  public Justifications justifications() {
    return justifications;
  }

  @Override
  public EngineCounters counters() {
    return counters;
  }

  /** The current height's settings: what the protocol rules time rounds by. */
  @Override
  public BftSettings settings() {
    return heightSettings;
  }
}
