/**
 * Precompiled contracts 0x01-0x0a (ecrecover, SHA-256, RIPEMD-160, identity, modexp, alt_bn128,
 * BLAKE2f, KZG point evaluation) and, on gm chains only, 0xf001 (SM3) and 0xf002 (SM2 verification).
 */
package org.xinlian.evm.precompile;
