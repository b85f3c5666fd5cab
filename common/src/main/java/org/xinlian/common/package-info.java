/**
 * The values and ports every layer shares.
 *
 * <p>This module depends on the JDK alone so that every other module may depend on it. It holds
 * fixed-size byte values ({@link org.xinlian.common.Address}, {@link org.xinlian.common.Hash}),
 * strict hex, {@link org.xinlian.common.Invariants} (checks that stay on in production), the
 * {@link org.xinlian.common.DecodingException} every decoder throws, and the {@link
 * org.xinlian.common.Clock} and {@link org.xinlian.common.RandomSource} ports through which time and
 * randomness enter deterministic code, so a simulator can drive them.
 */
package org.xinlian.common;
