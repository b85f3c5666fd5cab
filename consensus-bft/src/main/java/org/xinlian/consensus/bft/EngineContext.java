package org.xinlian.consensus.bft;

import org.xinlian.consensus.Application;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.Timeout;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.crypto.CryptoSuite;

/** What the protocol rules need from the engine around them. */
interface EngineContext {
  CryptoSuite suite();

  Application application();

  MessageSigner signer();

  Justifications justifications();

  EngineCounters counters();

  BftSettings settings();

  /**
   * Sends a message this validator just signed: first the write-ahead state (which must already
   * record it), then the broadcast, then delivery to this validator's own tallies.
   */
  void sendSigned(ConsensusMessage message);

  void schedule(Timeout timeout, long durationMillis);

  /**
   * Asks the driver for slow application work ({@link ConsensusAction.BuildBlock}, {@link
   * ConsensusAction.ExecuteBlock}); its result comes back as an event.
   */
  void askApplication(ConsensusAction action);
}
