package org.xinlian.bench;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.xinlian.common.Address;

/**
 * One worst case: a contract that repeats the expensive thing until the transaction's gas is
 * nearly spent, the calldata of the n-th run (runs differ where reads must stay cold), what the
 * persistent state must hold, and for precompiles a check that the input is the intended one.
 *
 * @param code the contract's runtime code, installed at {@link WorstCaseBenchmark#CONTRACT}
 * @param calldata the transaction data of run {@code n} (0, 1, 2, ...)
 * @param contents what {@link PersistentState} must be populated with
 * @param precompileCheck for a precompile case: its input and what a correct answer looks like
 */
record Workload(
    byte[] code,
    LongFunction<byte[]> calldata,
    Set<PersistentState.Content> contents,
    Optional<PrecompileCheck> precompileCheck) {

  /** The precompile at {@code address} must answer {@code input} with an output {@code expected} accepts. */
  record PrecompileCheck(Address address, byte[] input, Predicate<byte[]> expected) {}

  Workload {
    contents = contents.isEmpty() ? Set.of() : EnumSet.copyOf(contents);
  }

  /** A contract needing no state beyond itself, run with no calldata. */
  static Workload of(byte[] code) {
    return new Workload(code, run -> new byte[0], Set.of(), Optional.empty());
  }
}
