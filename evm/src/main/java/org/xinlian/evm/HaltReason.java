package org.xinlian.evm;

/** Why a frame stopped abnormally; every exceptional halt consumes all the frame's gas. */
public enum HaltReason {
  OUT_OF_GAS,
  STACK_UNDERFLOW,
  STACK_OVERFLOW,
  INVALID_JUMP,
  INVALID_OPCODE,
  STATIC_CONTEXT_VIOLATION,
  RETURN_DATA_OUT_OF_BOUNDS,
  INITCODE_TOO_LARGE,
  CODE_TOO_LARGE,
  INVALID_CODE_PREFIX,
  CONTRACT_ADDRESS_COLLISION,
  PRECOMPILE_FAILURE,
  /** The chain's {@link AccessPolicy} refused the creator (GOV-9, EVM-16). */
  CREATION_REFUSED
}
