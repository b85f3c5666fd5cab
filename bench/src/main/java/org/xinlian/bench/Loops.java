package org.xinlian.bench;

import java.util.function.Consumer;

/**
 * The shape of every worst-case contract: a prologue, then a loop that runs its body many times
 * unrolled and goes round again while more than {@code reserve} gas is left, then STOP. The
 * transaction therefore succeeds having spent nearly all its gas on the body, and a body that
 * fails (a precompile call that did not succeed) jumps to {@link #FAIL}, whose INVALID fails the
 * whole transaction, which the benchmark's setup refuses.
 */
final class Loops {
  static final String LOOP = "loop";
  static final String FAIL = "fail";

  /** Unrolled bodies stop growing the code here, well under EIP-170's 24,576 bytes. */
  private static final int UNROLLED_BYTES_MAX = 16_000;
  private static final int REPEATS_MAX = 1_000;
  /** Unrolled bodies stop growing here in gas: the most a run may leave unspent. */
  private static final long UNROLLED_GAS_MAX = 1_000_000;

  private Loops() {}

  /**
   * @param bodyGasMax an upper bound of one body's gas, so that a round never runs out of gas
   */
  static byte[] repeat(Consumer<Assembler> prologue, Consumer<Assembler> body, long bodyGasMax) {
    Assembler one = new Assembler();
    body.accept(one);
    long fitting = Math.min(UNROLLED_BYTES_MAX / one.size(), UNROLLED_GAS_MAX / bodyGasMax);
    int repeats = (int) Math.max(1, Math.min(REPEATS_MAX, fitting));
    return repeat(prologue, body, repeats, repeats * bodyGasMax + 100);
  }

  static byte[] repeat(Consumer<Assembler> prologue, Consumer<Assembler> body, int repeats, long reserve) {
    Assembler code = new Assembler();
    prologue.accept(code);
    code.label(LOOP);
    for (int i = 0; i < repeats; i++) {
      body.accept(code);
    }
    code.op(Assembler.GAS).push(reserve).op(Assembler.LT).jumpIf(LOOP);
    code.op(Assembler.STOP);
    code.label(FAIL).op(Assembler.INVALID);
    return code.build();
  }

  static Consumer<Assembler> nothing() {
    return code -> { };
  }
}
