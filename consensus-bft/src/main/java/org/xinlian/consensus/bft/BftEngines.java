package org.xinlian.consensus.bft;

import java.util.Objects;
import java.util.Optional;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.NodeSigner;

/**
 * Creates BFT engines (docs/spec/consensus.md). The implementation is package-private: callers
 * see only {@link ConsensusEngine}.
 */
public final class BftEngines {
  private BftEngines() {}

  /**
   * An engine for the validator (or follower) holding {@code key}.
   *
   * @param persistedState the bytes of the last {@link
   *     org.xinlian.consensus.ConsensusAction.PersistState} this node stored, empty on first start
   * @throws org.xinlian.common.DecodingException if the persisted state is damaged: resuming
   *     without it could make the validator sign twice in a round, so the node must not start
   */
  public static ConsensusEngine create(
      BftSettings settings,
      Application application,
      CryptoSuite suite,
      KeyPair key,
      Optional<byte[]> persistedState) {
    Objects.requireNonNull(key, "key");
    return create(settings, application, suite, NodeSigner.inMemory(suite, key), persistedState);
  }

  /** An engine whose own messages {@code signer} signs (the node key in memory or in an HSM). */
  public static ConsensusEngine create(
      BftSettings settings,
      Application application,
      CryptoSuite suite,
      NodeSigner key,
      Optional<byte[]> persistedState) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(key, "key");
    PersistedStateCodec codec = new PersistedStateCodec(suite);
    Optional<PersistedState> restored = persistedState.map(codec::decode);
    return new BftEngine(settings, application, suite, new MessageSigner(suite, key), restored);
  }
}
