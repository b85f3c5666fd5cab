package org.xinlian.bench;

import java.util.function.Supplier;

/**
 * Every worst case {@link WorstCaseBenchmark} runs: the precompiles at their most expensive inputs
 * per unit of gas, the opcodes whose gas buys the least work, and cold state access. JMH runs all
 * of them unless {@code -p workload=NAME,...} picks some.
 */
public enum WorstCase {
  // Precompiles.
  ECRECOVER(PrecompileWorkloads::ecrecover),
  SHA256_16KIB(() -> PrecompileWorkloads.sha256(PrecompileWorkloads.LARGE_INPUT_BYTES)),
  SHA256_EMPTY(() -> PrecompileWorkloads.sha256(0)),
  RIPEMD160_16KIB(() -> PrecompileWorkloads.ripemd160(PrecompileWorkloads.LARGE_INPUT_BYTES)),
  RIPEMD160_EMPTY(() -> PrecompileWorkloads.ripemd160(0)),
  IDENTITY_16KIB(() -> PrecompileWorkloads.identity(PrecompileWorkloads.LARGE_INPUT_BYTES)),
  IDENTITY_EMPTY(() -> PrecompileWorkloads.identity(0)),
  /** 200 gas (the minimum) for 599 squarings of a 64-bit number. */
  MODEXP_MIN_GAS_8B_EXP75(() -> PrecompileWorkloads.modexp(8, 75, 8, false)),
  /** 201 gas for 151 squarings of a 128-bit number. */
  MODEXP_MIN_GAS_16B_EXP19(() -> PrecompileWorkloads.modexp(16, 19, 16, false)),
  MODEXP_32B_ODD(() -> PrecompileWorkloads.modexp(32, 32, 32, false)),
  MODEXP_32B_EVEN(() -> PrecompileWorkloads.modexp(32, 32, 32, true)),
  /** A 1 KiB exponent over a 64-bit modulus: a third of a gas per squaring. */
  MODEXP_EXP_HEAVY_8B_ODD(() -> PrecompileWorkloads.modexp(8, 1024, 8, false)),
  MODEXP_EXP_HEAVY_8B_EVEN(() -> PrecompileWorkloads.modexp(8, 1024, 8, true)),
  MODEXP_256B_ODD(() -> PrecompileWorkloads.modexp(256, 32, 256, false)),
  MODEXP_1024B_ODD(() -> PrecompileWorkloads.modexp(1024, 32, 1024, false)),
  MODEXP_1024B_EVEN(() -> PrecompileWorkloads.modexp(1024, 32, 1024, true)),
  MODEXP_POW2_MODULUS_32B(() -> PrecompileWorkloads.modexpPowerOfTwo(32)),
  BLAKE2F_1_ROUND(() -> PrecompileWorkloads.blake2f(1)),
  BLAKE2F_1M_ROUNDS(() -> PrecompileWorkloads.blake2f(1_000_000)),
  KZG_POINT_EVALUATION(PrecompileWorkloads::pointEvaluation),
  SM3_16KIB(() -> PrecompileWorkloads.sm3(PrecompileWorkloads.LARGE_INPUT_BYTES)),
  SM3_EMPTY(() -> PrecompileWorkloads.sm3(0)),
  SM2_VERIFY(PrecompileWorkloads::sm2Verify),
  BN254_ADD(PrecompileWorkloads::bn254Add),
  BN254_MUL(PrecompileWorkloads::bn254Mul),
  BN254_PAIRING_2(PrecompileWorkloads::bn254Pairing),

  // Opcodes.
  JUMPDEST(OpcodeWorkloads::jumpdest),
  PUSH1_POP(OpcodeWorkloads::push1Pop),
  PUSH32_POP(OpcodeWorkloads::push32Pop),
  ADD(OpcodeWorkloads::add),
  MUL(OpcodeWorkloads::mul),
  DIV(OpcodeWorkloads::div),
  SDIV(OpcodeWorkloads::sdiv),
  MOD(OpcodeWorkloads::mod),
  SMOD(OpcodeWorkloads::smod),
  ADDMOD(OpcodeWorkloads::addmod),
  MULMOD(OpcodeWorkloads::mulmod),
  EXP(OpcodeWorkloads::exp),
  SIGNEXTEND(OpcodeWorkloads::signextend),
  SAR(OpcodeWorkloads::sar),
  BYTE(OpcodeWorkloads::byteOp),
  EQ(OpcodeWorkloads::eq),
  KECCAK256_EMPTY(OpcodeWorkloads::keccakEmpty),
  KECCAK256_32B(OpcodeWorkloads::keccak32),
  KECCAK256_64KIB(OpcodeWorkloads::keccakLarge),
  MLOAD(OpcodeWorkloads::mload),
  MSTORE(OpcodeWorkloads::mstore),
  MSTORE8(OpcodeWorkloads::mstore8),
  CALLDATALOAD(OpcodeWorkloads::calldataload),
  CALLDATACOPY_32B(OpcodeWorkloads::calldatacopy32),
  MCOPY_32KIB(OpcodeWorkloads::mcopyLarge),
  ADDRESS(() -> OpcodeWorkloads.nullary(Assembler.ADDRESS, 2)),
  CALLER(() -> OpcodeWorkloads.nullary(Assembler.CALLER, 2)),
  COINBASE(() -> OpcodeWorkloads.nullary(Assembler.COINBASE, 2)),
  GAS(() -> OpcodeWorkloads.nullary(Assembler.GAS, 2)),
  MSIZE(() -> OpcodeWorkloads.nullary(Assembler.MSIZE, 2)),
  SELFBALANCE(() -> OpcodeWorkloads.nullary(Assembler.SELFBALANCE, 5)),
  BLOCKHASH(OpcodeWorkloads::blockhash),
  SLOAD_WARM(OpcodeWorkloads::sloadWarm),
  SSTORE_WARM_NOOP(OpcodeWorkloads::sstoreWarmNoop),
  TLOAD(OpcodeWorkloads::tload),
  TSTORE(OpcodeWorkloads::tstore),
  BALANCE_WARM(OpcodeWorkloads::balanceWarm),
  LOG0_EMPTY(OpcodeWorkloads::log0Empty),
  LOG4_EMPTY(OpcodeWorkloads::log4Empty),
  LOG0_64KIB(OpcodeWorkloads::log0Large),
  CALL_EMPTY_WARM(OpcodeWorkloads::callEmpty),
  STATICCALL_IDENTITY(OpcodeWorkloads::staticcallIdentity),

  // Cold state, read from RocksDB, and creations.
  BALANCE_COLD(() -> StateWorkloads.accountRead(Assembler.BALANCE, true, false)),
  BALANCE_COLD_MISSING(() -> StateWorkloads.accountRead(Assembler.BALANCE, false, false)),
  EXTCODESIZE_COLD(() -> StateWorkloads.accountRead(Assembler.EXTCODESIZE, true, true)),
  EXTCODESIZE_COLD_MISSING(() -> StateWorkloads.accountRead(Assembler.EXTCODESIZE, false, false)),
  EXTCODEHASH_COLD(() -> StateWorkloads.accountRead(Assembler.EXTCODEHASH, true, true)),
  EXTCODEHASH_COLD_MISSING(() -> StateWorkloads.accountRead(Assembler.EXTCODEHASH, false, false)),
  EXTCODECOPY_COLD(StateWorkloads::extcodecopy),
  CALL_COLD(() -> StateWorkloads.call(true)),
  CALL_COLD_MISSING(() -> StateWorkloads.call(false)),
  SLOAD_COLD(() -> StateWorkloads.sload(true)),
  SLOAD_COLD_MISSING(() -> StateWorkloads.sload(false)),
  SSTORE_COLD(() -> StateWorkloads.sstore(true)),
  SSTORE_COLD_NEW(() -> StateWorkloads.sstore(false)),
  CREATE_MAX_INITCODE(() -> StateWorkloads.create(false)),
  CREATE2_MAX_INITCODE(() -> StateWorkloads.create(true));

  private final Supplier<Workload> workload;

  WorstCase(Supplier<Workload> workload) {
    this.workload = workload;
  }

  Workload workload() {
    return workload.get();
  }
}
