package org.xinlian.execution.feature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.xinlian.common.Address;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/**
 * The protocol feature schedule (docs/spec/operations.md OPS-80, OPS-81) as the state holds it: the
 * storage of the reserved account {@link #ADDRESS}, written by the genesis and by executed
 * {@code SCHEDULE_FEATURE} proposals, so the state root (and through it the genesis hash) covers
 * it and every node reads the same schedule for every height.
 *
 * <p>Layout: slot 0 holds the number of entries n; entry i (0-based) has its name, ASCII and
 * left-aligned, in slot 2i + 1 and its activation height in slot 2i + 2. Entries are never removed
 * or changed, so the schedule of a height is fixed once the state two blocks before it is.
 */
public final class FeatureSchedule {
  /** The reserved account holding the schedule; it has no code, so nothing else writes it. */
  public static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000f102");
  /** Most features one chain ever schedules: each costs two reads at every commit. */
  public static final int FEATURES_MAX = 64;
  /** A name fits one storage word. */
  public static final int NAME_BYTES_MAX = 32;
  /** Latest activation height: far beyond any chain, small enough to add to without overflow. */
  public static final long ACTIVATION_HEIGHT_MAX = 1L << 62;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (NAME_BYTES_MAX - 1) + "}");
  private static final UInt256 COUNT_SLOT = UInt256.fromLong(0);

  /** One scheduled feature: it is in force for every block at or above {@code activationHeight}. */
  public record Scheduled(String name, long activationHeight) {}

  private final List<Scheduled> entries;

  private FeatureSchedule(List<Scheduled> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The schedule of {@code state} (empty on a chain that never scheduled a feature). */
  public static FeatureSchedule read(WorldState state) {
    long count = Math.min(state.storage(ADDRESS, COUNT_SLOT).clampedLong(), FEATURES_MAX);
    List<Scheduled> entries = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      byte[] word = state.storage(ADDRESS, UInt256.fromLong(2 * i + 1)).toBytes();
      int length = 0;
      while (length < word.length && word[length] != 0) {
        length++;
      }
      String name = new String(word, 0, length, StandardCharsets.US_ASCII);
      entries.add(new Scheduled(name, state.storage(ADDRESS, UInt256.fromLong(2 * i + 2)).clampedLong()));
    }
    return new FeatureSchedule(entries);
  }

  /**
   * Appends {@code name} at {@code activationHeight} to the schedule in {@code state}; the caller
   * has checked both with {@link #whyNot}.
   */
  public static void append(WorldState state, String name, long activationHeight) {
    long count = state.storage(ADDRESS, COUNT_SLOT).clampedLong();
    byte[] word = new byte[32];
    byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, word, 0, bytes.length);
    state.setStorage(ADDRESS, UInt256.fromLong(2 * count + 1), UInt256.fromBytes(word));
    state.setStorage(ADDRESS, UInt256.fromLong(2 * count + 2), UInt256.fromLong(activationHeight));
    state.setStorage(ADDRESS, COUNT_SLOT, UInt256.fromLong(count + 1));
    if (state.nonce(ADDRESS) == 0) {
      // An account with storage but no nonce, balance or code would count as empty (EIP-161).
      state.setNonce(ADDRESS, 1);
    }
  }

  /**
   * Null when {@code name} may be scheduled at {@code activationHeight} in this schedule, else
   * why not, naming {@code field}: the name's form, a second entry for one name, the count limit.
   * Whether this release knows the name is not asked here: a newer release's feature must be
   * schedulable on a network still partly running an older one (the older nodes stop at its
   * height, OPS-82), so consensus must not depend on it.
   */
  public String whyNot(String field, String name, long activationHeight) {
    if (!NAME.matcher(name).matches()) {
      return field + ": \"" + name + "\" is not 1 to " + NAME_BYTES_MAX + " of a-z 0-9 - (starting with a-z 0-9)";
    }
    Optional<Scheduled> existing = find(name);
    if (existing.isPresent()) {
      return field + ": " + name + " is already scheduled at height " + existing.get().activationHeight();
    }
    if (entries.size() >= FEATURES_MAX) {
      return field + ": the chain already has " + FEATURES_MAX + " scheduled features";
    }
    if (activationHeight < 1 || activationHeight > ACTIVATION_HEIGHT_MAX) {
      return "activation height of " + name + ": " + activationHeight + " is not 1 to " + ACTIVATION_HEIGHT_MAX;
    }
    return null;
  }

  public List<Scheduled> entries() {
    return entries;
  }

  public Optional<Scheduled> find(String name) {
    return entries.stream().filter(entry -> entry.name().equals(name)).findFirst();
  }

  /** Whether {@code feature} is in force for the block at {@code height}. */
  public boolean active(ProtocolFeature feature, long height) {
    return find(feature.featureName()).map(entry -> entry.activationHeight() <= height).orElse(false);
  }

  /** The names of the features in force for the block at {@code height}, sorted. */
  public SortedSet<String> activeAt(long height) {
    SortedSet<String> names = new TreeSet<>();
    for (Scheduled entry : entries) {
      if (entry.activationHeight() <= height) {
        names.add(entry.name());
      }
    }
    return names;
  }

  /**
   * The earliest-activating entry that is in force by {@code height} and not in {@code known}:
   * a release that does not know it must not execute that height.
   */
  public Optional<Scheduled> firstUnknownActiveBy(long height, Set<String> known) {
    return entries.stream()
        .filter(entry -> entry.activationHeight() <= height && !known.contains(entry.name()))
        .min(java.util.Comparator.comparingLong(Scheduled::activationHeight));
  }
}
