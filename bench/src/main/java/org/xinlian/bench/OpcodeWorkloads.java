package org.xinlian.bench;

import static org.xinlian.bench.Assembler.*;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Consumer;
import org.xinlian.common.Address;

/**
 * Contracts that loop on one cheap opcode: the cases where interpreter overhead per unit of gas is
 * highest. Each body leaves the stack as it found it; operands are the slowest ones for the
 * opcode (full 256-bit words, negative values for signed operations).
 */
final class OpcodeWorkloads {
  static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  /** A 255-bit divisor: long division of full words, not a shortcut. */
  static final BigInteger DIVISOR = BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(12_345));
  private static final BigInteger MINUS_TWO = MAX.subtract(BigInteger.ONE);
  /** Memory for the large KECCAK256 and MCOPY cases. */
  static final int LARGE_MEMORY_BYTES = 64 * 1024;
  static final int LOG_DATA_BYTES = 64 * 1024;
  /** An address where no account lives. */
  static final Address EMPTY = Address.fromHex("0x00000000000000000000000000000000dead0001");

  private OpcodeWorkloads() {}

  static Workload loop(Consumer<Assembler> body, long bodyGasMax) {
    return Workload.of(Loops.repeat(Loops.nothing(), body, bodyGasMax));
  }

  static Workload loop(Consumer<Assembler> prologue, Consumer<Assembler> body, long bodyGasMax) {
    return Workload.of(Loops.repeat(prologue, body, bodyGasMax));
  }

  /** {@code DUP2 DUP2 op POP} over operands {@code second} (deeper) and {@code first} (top). */
  static Workload binary(int opcode, BigInteger first, BigInteger second, long gas) {
    return loop(code -> code.push(second).push(first),
        code -> code.dup(2).dup(2).op(opcode, POP), 3 + 3 + gas + 2);
  }

  /** {@code DUP3 DUP3 DUP3 op POP} with all three operands at their maximum. */
  static Workload ternaryMax(int opcode) {
    return loop(code -> code.push(MAX.subtract(BigInteger.TWO)).push(MAX.subtract(BigInteger.ONE)).push(MAX),
        code -> code.dup(3).dup(3).dup(3).op(opcode, POP), 3 * 3 + 8 + 2);
  }

  static Workload jumpdest() {
    return loop(code -> code.op(JUMPDEST), 1);
  }

  static Workload push1Pop() {
    return loop(code -> code.push(0xff).op(POP), 5);
  }

  static Workload push32Pop() {
    return loop(code -> code.push(MAX).op(POP), 5);
  }

  static Workload add() {
    return binary(ADD, MAX, MAX, 3);
  }

  static Workload mul() {
    return binary(MUL, MAX, MAX.subtract(BigInteger.ONE), 5);
  }

  static Workload div() {
    return binary(DIV, MAX, DIVISOR, 5);
  }

  static Workload sdiv() {
    return binary(SDIV, MINUS_TWO, DIVISOR.shiftRight(2), 5);
  }

  static Workload mod() {
    return binary(MOD, MAX, DIVISOR, 5);
  }

  static Workload smod() {
    return binary(SMOD, MINUS_TWO, DIVISOR.shiftRight(2), 5);
  }

  static Workload addmod() {
    return ternaryMax(ADDMOD);
  }

  static Workload mulmod() {
    return ternaryMax(MULMOD);
  }

  /** 10 + 50 per exponent byte: a full 32-byte exponent. */
  static Workload exp() {
    return binary(EXP, MAX, MAX, 10 + 50 * 32);
  }

  static Workload signextend() {
    return binary(SIGNEXTEND, BigInteger.valueOf(15), MAX, 5);
  }

  static Workload sar() {
    return binary(SAR, BigInteger.valueOf(200), MINUS_TWO, 3);
  }

  static Workload byteOp() {
    return binary(BYTE, BigInteger.valueOf(17), MAX, 3);
  }

  static Workload eq() {
    return binary(EQ, MAX, MAX, 3);
  }

  static Workload keccakEmpty() {
    return loop(code -> code.op(PUSH0, PUSH0, KECCAK256, POP), 2 + 2 + 30 + 2);
  }

  static Workload keccak32() {
    return loop(code -> code.push(32).op(PUSH0, KECCAK256, POP), 3 + 2 + 36 + 2);
  }

  static Workload keccakLarge() {
    return loop(OpcodeWorkloads::expandMemory,
        code -> code.push(LARGE_MEMORY_BYTES).op(PUSH0, KECCAK256, POP),
        3 + 2 + 30 + 6L * LARGE_MEMORY_BYTES / 32 + 2);
  }

  static Workload mload() {
    return loop(code -> code.op(PUSH0, MLOAD, POP), 7);
  }

  static Workload mstore() {
    return loop(code -> code.push(MAX).op(PUSH0, MSTORE), 5 + 3 + 3);
  }

  static Workload mstore8() {
    return loop(code -> code.push(0xff).op(PUSH0, MSTORE8), 5 + 3 + 3);
  }

  static Workload calldataload() {
    return loop(code -> code.op(PUSH0, CALLDATALOAD, POP), 7);
  }

  static Workload calldatacopy32() {
    return loop(code -> code.push(32).op(PUSH0, PUSH0, CALLDATACOPY), 3 + 2 + 2 + 6 + 3);
  }

  /** MCOPY of 32 KiB inside 64 KiB of memory: 3 + 3 per word. */
  static Workload mcopyLarge() {
    int half = LARGE_MEMORY_BYTES / 2;
    return loop(OpcodeWorkloads::expandMemory,
        code -> code.push(half).op(PUSH0).push(half).op(MCOPY), 3 + 2 + 3 + 3 + 3L * half / 32);
  }

  static Workload nullary(int opcode, long gas) {
    return loop(code -> code.op(opcode, POP), gas + 2);
  }

  static Workload blockhash() {
    return loop(code -> code.op(NUMBER).push(1).swap(1).op(SUB, BLOCKHASH, POP), 2 + 3 + 3 + 3 + 20 + 2);
  }

  /** SLOAD of one slot, warm (the prologue reads it cold once). */
  static Workload sloadWarm() {
    Consumer<Assembler> body = code -> code.op(PUSH0, SLOAD, POP);
    return loop(body, body, 2 + 100 + 2);
  }

  /** SSTORE writing the value a slot already holds: 100 gas (the prologue sets it). */
  static Workload sstoreWarmNoop() {
    Consumer<Assembler> body = code -> code.push(1).op(PUSH0, SSTORE);
    return loop(body, body, 3 + 2 + 100);
  }

  static Workload tload() {
    return loop(code -> code.op(PUSH0, TLOAD, POP), 2 + 100 + 2);
  }

  static Workload tstore() {
    return loop(code -> code.push(1).op(PUSH0, TSTORE), 3 + 2 + 100);
  }

  /** BALANCE of the contract itself (warm). */
  static Workload balanceWarm() {
    return loop(code -> code.op(ADDRESS, BALANCE, POP), 2 + 100 + 2);
  }

  static Workload log0Empty() {
    return loop(code -> code.op(PUSH0, PUSH0, LOG0), 2 + 2 + 375);
  }

  static Workload log4Empty() {
    return loop(code -> code.op(PUSH0, PUSH0, PUSH0, PUSH0, PUSH0, PUSH0, LOG0 + 4), 6 * 2 + 5 * 375);
  }

  static Workload log0Large() {
    return loop(
        code -> code.push(LOG_DATA_BYTES).op(PUSH0, LOG0),
        code -> code.push(LOG_DATA_BYTES).op(PUSH0, LOG0),
        3 + 2 + 375 + 8L * LOG_DATA_BYTES + memoryCost(LOG_DATA_BYTES));
  }

  /** CALL without value to an address without an account, warm (the prologue calls it cold). */
  static Workload callEmpty() {
    Consumer<Assembler> body = code -> code.op(PUSH0, PUSH0, PUSH0, PUSH0, PUSH0)
        .push(new BigInteger(1, EMPTY.toArray())).op(GAS, CALL, POP);
    return loop(body, body, 5 * 2 + 3 + 2 + 100 + 2);
  }

  /** STATICCALL of the identity precompile with empty input. */
  static Workload staticcallIdentity() {
    return loop(code -> code.op(PUSH0, PUSH0, PUSH0, PUSH0).push(4).op(GAS, STATICCALL, POP),
        4 * 2 + 3 + 2 + 100 + 15 + 2);
  }

  /** Makes memory {@value #LARGE_MEMORY_BYTES} bytes long once, so the loop pays no expansion. */
  private static void expandMemory(Assembler code) {
    code.op(PUSH0).push(LARGE_MEMORY_BYTES - 32).op(MSTORE);
  }

  static long memoryCost(long bytes) {
    long words = (bytes + 31) / 32;
    return 3 * words + words * words / 512;
  }

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
