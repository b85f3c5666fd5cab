package org.xinlian.crypto.keystore;

import org.xinlian.crypto.PrivateKey;

/**
 * What {@link KeyFile#decrypt} recovers: the key and the suite it belongs to, which the file
 * itself declares, so a caller need not know in advance whether it holds a standard or a gm key.
 *
 * @param suite {@code standard} or {@code gm}
 * @param privateKey the key, whose {@link PrivateKey#suite()} equals {@code suite}
 */
public record DecryptedKey(String suite, PrivateKey privateKey) {}
