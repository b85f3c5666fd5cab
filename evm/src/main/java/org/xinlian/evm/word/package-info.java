/**
 * 256-bit EVM words and their arithmetic, kept off BigInteger on the hot path.
 */
package org.xinlian.evm.word;
