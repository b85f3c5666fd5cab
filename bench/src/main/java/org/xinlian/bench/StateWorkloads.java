package org.xinlian.bench;

import static org.xinlian.bench.Assembler.*;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cold reads of the persistent state and creations: every iteration names an account or slot
 * this transaction has not touched, read from RocksDB through the flat view. A counter on the
 * stack picks it; each run starts the counter where the last one stopped, so consecutive runs
 * read different keys.
 */
final class StateWorkloads {
  /** Counter values one run can use up: more than a 30M-gas run's cold accesses (30M / 2100). */
  static final long COUNTER_PER_RUN = 20_000;
  /** The largest init code (EIP-3860). */
  static final int INITCODE_BYTES = 49_152;
  private static final int REPEATS = 32;

  private StateWorkloads() {}

  /** The counter starts at 1 + run * COUNTER_PER_RUN, passed as the calldata word. */
  private static Workload counting(Consumer<Assembler> body, long bodyGasMax, Set<PersistentState.Content> contents) {
    byte[] code = Loops.repeat(prologue -> prologue.op(PUSH0, CALLDATALOAD), body, REPEATS,
        REPEATS * bodyGasMax + 100);
    return new Workload(code,
        run -> PrecompileWorkloads.word(BigInteger.valueOf(1 + run * COUNTER_PER_RUN)),
        contents, Optional.empty());
  }

  /** Pushes the address {@code base + (counter mod count)} (or {@code base + counter} when count is 0). */
  private static void address(Assembler code, int counterDepth, BigInteger base, long count) {
    code.dup(counterDepth);
    if (count > 0) {
      code.push(count).swap(1).op(MOD);
    }
    code.push(base).op(ADD);
  }

  private static void next(Assembler code) {
    code.push(1).op(ADD);
  }

  /** One account-reading opcode on a cold address per iteration, existing or not. */
  static Workload accountRead(int opcode, boolean existing, boolean withCode) {
    BigInteger base = existing
        ? (withCode ? PersistentState.CODE_ACCOUNT_BASE : PersistentState.ACCOUNT_BASE)
        : PersistentState.MISSING_ACCOUNT_BASE;
    long count = existing ? (withCode ? PersistentState.CODE_ACCOUNTS : PersistentState.ACCOUNTS) : 0;
    Set<PersistentState.Content> contents = !existing ? Set.of()
        : withCode ? Set.of(PersistentState.Content.CODE_ACCOUNTS) : Set.of(PersistentState.Content.ACCOUNTS);
    return counting(code -> {
      address(code, 1, base, count);
      code.op(opcode, POP);
      next(code);
    }, 30 + 2600 + 2 + 30, contents);
  }

  /** EXTCODECOPY of 32 bytes from a cold contract holding the largest code. */
  static Workload extcodecopy() {
    return counting(code -> {
      code.push(32).op(PUSH0, PUSH0);
      address(code, 4, PersistentState.CODE_ACCOUNT_BASE, PersistentState.CODE_ACCOUNTS);
      code.op(EXTCODECOPY);
      next(code);
    }, 30 + 2600 + 3 + 3 + 30, Set.of(PersistentState.Content.CODE_ACCOUNTS));
  }

  /** CALL without value to a cold address: an account without code, or none. */
  static Workload call(boolean existing) {
    BigInteger base = existing ? PersistentState.ACCOUNT_BASE : PersistentState.MISSING_ACCOUNT_BASE;
    long count = existing ? PersistentState.ACCOUNTS : 0;
    return counting(code -> {
      code.op(PUSH0, PUSH0, PUSH0, PUSH0, PUSH0);
      address(code, 6, base, count);
      code.op(GAS, CALL, POP);
      next(code);
    }, 30 + 2600 + 30, existing ? Set.of(PersistentState.Content.ACCOUNTS) : Set.of());
  }

  /**
   * SLOAD of a cold slot of the contract, which holds {@link PersistentState#SLOTS} slots: one
   * that holds a value, or one that never did (a miss in RocksDB, not skipped as it would be for
   * a contract without storage).
   */
  static Workload sload(boolean existing) {
    return counting(code -> {
      slot(code, 1, existing);
      code.op(SLOAD, POP);
      next(code);
    }, 30 + 2100 + 2 + 10, Set.of(PersistentState.Content.SLOTS));
  }

  /**
   * SSTORE of the counter (never zero, never a stored value) to a cold slot: an existing one
   * (2100 + 2900 gas) or a fresh one (2100 + 20000).
   */
  static Workload sstore(boolean existing) {
    return counting(code -> {
      code.dup(1);
      slot(code, 2, existing);
      code.op(SSTORE);
      next(code);
    }, 30 + 22_100 + 10, Set.of(PersistentState.Content.SLOTS));
  }

  private static void slot(Assembler code, int counterDepth, boolean existing) {
    code.dup(counterDepth);
    if (existing) {
      code.push(PersistentState.SLOTS).swap(1).op(MOD);
    } else {
      code.push(PersistentState.MISSING_SLOT_BASE).op(ADD);
    }
  }

  /**
   * CREATE (or CREATE2 with the counter as salt) of {@value #INITCODE_BYTES} bytes of init code:
   * a STOP, then JUMPDESTs for the jump-destination analysis to record. The prologue writes the
   * init code to memory with a loop of MSTOREs.
   */
  static Workload create(boolean create2) {
    byte[] jumpdests = OpcodeWorkloads.filled(32, JUMPDEST);
    Consumer<Assembler> prologue = code -> {
      code.op(PUSH0, CALLDATALOAD);
      // for (offset = INITCODE_BYTES - 32; ; offset -= 32) { mstore(offset, 0x5b..5b); if offset == 0 break }
      code.push(INITCODE_BYTES);
      code.label("fill");
      code.push(32).swap(1).op(SUB);
      code.push32(jumpdests).dup(2).op(MSTORE);
      code.dup(1).jumpIf("fill");
      code.op(POP);
      code.op(PUSH0, PUSH0, MSTORE8);
    };
    Consumer<Assembler> body = code -> {
      if (create2) {
        code.dup(1);
      }
      code.push(INITCODE_BYTES).op(PUSH0, PUSH0).op(create2 ? CREATE2 : CREATE);
      code.op(ISZERO).jumpIf(Loops.FAIL);
      next(code);
    };
    long bodyGas = 32_000 + 2L * INITCODE_BYTES / 32 + (create2 ? 6L * INITCODE_BYTES / 32 : 0) + 2_000;
    byte[] code = Loops.repeat(prologue, body, 4, 4 * bodyGas + 100);
    return new Workload(code,
        run -> PrecompileWorkloads.word(BigInteger.valueOf(1 + run * COUNTER_PER_RUN)),
        Set.of(), Optional.empty());
  }
}
