package org.xinlian.execution.feature;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The protocol features this release knows (docs/spec/operations.md OPS-80): behaviours that would
 * fork the chain if nodes disagreed on them, so each is switched on at a height every node reads
 * from the same {@link FeatureSchedule}. A release adds a constant here when it adds a feature; a
 * node whose release lacks a scheduled feature stops before its height rather than fork.
 */
public enum ProtocolFeature {
  /**
   * From its activation height, every block header's {@code extraData} is the 32-byte suite hash
   * of the names of the features active at that height, sorted and joined by commas, and a
   * validator refuses a block whose {@code extraData} differs. Before it, {@code extraData} is
   * unchecked (empty from honest proposers). Blocks then commit to the rules they were built
   * under: a node on another feature set refuses the first such block with a message naming both
   * digests instead of diverging later.
   */
  HEADER_FEATURE_DIGEST("header-feature-digest");

  private final String featureName;

  ProtocolFeature(String featureName) {
    this.featureName = featureName;
  }

  /** The name genesis files and proposals use, for example {@code header-feature-digest}. */
  public String featureName() {
    return featureName;
  }

  /** The feature named {@code name}, or empty when this release does not know it. */
  public static Optional<ProtocolFeature> byName(String name) {
    return Arrays.stream(values()).filter(feature -> feature.featureName.equals(name)).findFirst();
  }

  /** Every name this release knows, comma-separated, for messages. */
  public static String knownNames() {
    return Arrays.stream(values()).map(ProtocolFeature::featureName).collect(Collectors.joining(", "));
  }

  /** Refuses {@code name} unless this release knows it, naming it and the known ones. */
  public static ProtocolFeature require(String field, String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException(field + ": \"" + name
        + "\" is not a protocol feature this release knows (" + knownNames() + ")"));
  }
}
