package org.xinlian.execution;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.WorldState;
import org.xinlian.execution.feature.FeatureSchedule;
import org.xinlian.execution.feature.ProtocolFeature;
import org.xinlian.types.block.BlockHeader;

/**
 * The protocol features of each height for {@link LedgerExecution} (docs/spec/operations.md
 * OPS-80 to OPS-83). A feature is scheduled at least two blocks ahead (genesis, or a
 * {@code SCHEDULE_FEATURE} proposal executed two or more blocks before its height), so the head
 * state's schedule answers for the two heights after it, as with {@link ParametersInForce}.
 */
final class FeaturesInForce {
  private final CryptoSuite suite;
  private final Set<String> known;
  private final Function<Hash, WorldState> stateAt;
  private volatile FeatureSchedule schedule;

  /**
   * @param known the feature names this release implements ({@link ProtocolFeature}; fewer in
   *     tests that play an older release)
   */
  FeaturesInForce(CryptoSuite suite, Set<String> known, Function<Hash, WorldState> stateAt, BlockHeader head) {
    this.suite = suite;
    this.known = Set.copyOf(known);
    this.stateAt = stateAt;
    committed(head.stateRoot());
    // A restarted older release refuses to start past a feature it lacks (OPS-82).
    requireKnown(head.number() + 1);
  }

  /** The block with state {@code stateRoot} is the new head. */
  void committed(Hash stateRoot) {
    schedule = FeatureSchedule.read(stateAt.apply(stateRoot));
  }

  FeatureSchedule schedule() {
    return schedule;
  }

  boolean active(ProtocolFeature feature, long height) {
    return schedule.active(feature, height);
  }

  /**
   * Fails stop (OPS-82) when a feature this release does not know is in force at {@code height}:
   * executing the block by the old rules would fork, so the node builds, checks and commits
   * nothing at or past it, and says which release it needs.
   *
   * @throws UnknownFeatureException naming the feature and its height
   */
  void requireKnown(long height) {
    schedule.firstUnknownActiveBy(height, known).ifPresent(entry -> {
      throw new UnknownFeatureException("protocol feature \"" + entry.name() + "\" is in force from height "
          + entry.activationHeight() + " but this release does not implement it (it knows: "
          + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known)))
          + "); this node stops before height " + height + " rather than fork: install a release that "
          + "implements " + entry.name() + " and restart it");
    });
  }

  /** The header {@code extraData} a block at {@code height} must carry (empty when unchecked). */
  byte[] extraData(long height) {
    if (!active(ProtocolFeature.HEADER_FEATURE_DIGEST, height)) {
      return new byte[0];
    }
    return suite.hash(String.join(",", schedule.activeAt(height)).getBytes(StandardCharsets.US_ASCII));
  }

  /** Null when {@code header}'s {@code extraData} is what its height requires, else why not. */
  String checkExtraData(BlockHeader header) {
    if (!active(ProtocolFeature.HEADER_FEATURE_DIGEST, header.number())) {
      return null;
    }
    byte[] expected = extraData(header.number());
    if (!Arrays.equals(expected, header.extraData())) {
      return "extraData: 0x" + HexFormat.of().formatHex(header.extraData()) + " but the features in force at "
          + "height " + header.number() + " (" + String.join(",", schedule.activeAt(header.number()))
          + ") give 0x" + HexFormat.of().formatHex(expected) + " (" + ProtocolFeature.HEADER_FEATURE_DIGEST
          .featureName() + ")";
    }
    return null;
  }

  /** Thrown where a release would execute a height that needs a feature it does not implement. */
  static final class UnknownFeatureException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UnknownFeatureException(String message) {
      super(message);
    }
  }
}
