/**
 * The cryptography API of Xinlian: a {@link org.xinlian.crypto.CryptoSuite} value, chosen in a
 * chain's genesis and passed explicitly to whatever needs it.
 *
 * <p>Why a value and not a static: one node may host several ledgers (groups) with different suites,
 * and tests run both suites side by side. Why no BouncyCastle types here: the API must outlive a
 * change of provider (for example native libsecp256k1 for recovery), so BouncyCastle stays in the
 * implementation packages {@code org.xinlian.crypto.standard} and {@code org.xinlian.crypto.gm},
 * which no other module may import (the architecture test enforces it).
 */
package org.xinlian.crypto;
