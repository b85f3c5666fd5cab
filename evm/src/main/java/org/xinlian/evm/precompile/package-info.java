/**
 * Precompiled contracts 0x01-0x0a (ecrecover, SHA-256, RIPEMD-160, identity, modexp, alt_bn128,
 * BLAKE2f, KZG point evaluation).
 */
package org.xinlian.evm.precompile;
