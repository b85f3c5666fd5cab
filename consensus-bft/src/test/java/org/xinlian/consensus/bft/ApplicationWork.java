package org.xinlian.consensus.bft;

import java.util.Optional;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.Applications;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEvent;

/** Carries out the engine's slow application actions at once, as an instant driver would. */
final class ApplicationWork {
  private ApplicationWork() {}

  static boolean isWork(ConsensusAction action) {
    return Applications.isWork(action);
  }

  /** The event that answers {@code action}, or empty when it is not application work. */
  static Optional<ConsensusEvent> carryOut(Application application, ConsensusAction action) {
    return isWork(action) ? Optional.of(Applications.answer(application, action)) : Optional.empty();
  }
}
